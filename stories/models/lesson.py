"""Lessons learned: the part of a story other partners come for.

A lesson is an orderable inline of its story (it is written, translated and moderated with the
story) and a first-class search result of its own, linked as ``story-url#lesson-<slug>``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from hub.audiences import Audience
from hub.fields import KeyListField
from hub.themes import theme_choices


class LessonKind(models.TextChoices):
    WHAT_WORKED = "what-worked", _("What worked")
    WHAT_TO_CHANGE = "what-to-change", _("What to change")
    RECOMMENDATION = "recommendation", _("Recommendation")


class Lesson(TranslatableMixin, Orderable):
    story = ParentalKey("stories.CaseStoryPage", on_delete=models.CASCADE, related_name="lessons")
    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("anchor"),
        max_length=80,
        blank=True,
        help_text=_("Used in the link to this lesson (#lesson-…). Filled from the headline."),
    )
    explanation = models.TextField(_("explanation"))
    kind = models.CharField(_("kind"), max_length=20, choices=LessonKind.choices)
    audiences = KeyListField(_("audiences"), choices=Audience.choices)
    themes = KeyListField(_("themes"), choice_source=theme_choices)

    panels = [
        FieldPanel("headline"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("explanation"),
        FieldPanel("audiences"),
        FieldPanel("themes"),
    ]
    translatable_fields = [
        TranslatableField("headline"),
        SynchronizedField("slug"),
        TranslatableField("explanation"),
        SynchronizedField("kind"),
        SynchronizedField("audiences"),
        SynchronizedField("themes"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def __str__(self):
        return self.headline

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.headline)[:80].strip("-")
        if not self.slug:
            raise ValidationError({"slug": _("Give the lesson an anchor made of letters.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.headline)[:80].strip("-") or "lesson"
        super().save(*args, **kwargs)

    @property
    def anchor(self) -> str:
        return f"lesson-{self.slug}"

    def get_kind_label(self) -> str:
        return LessonKind(self.kind).label if self.kind in LessonKind.values else self.kind

    def audience_labels(self) -> list[str]:
        return Audience.labels_of(self.audiences)
