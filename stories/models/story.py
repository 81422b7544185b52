"""The case story: what a partner tried, what happened, and the lessons it learned.

A story is a child of the publishing partner's profile page, so the partner's group can add and
edit it through Wagtail's tree permissions; partners involved in a consortium story are a
separate many-to-many.
"""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from hub import partial_dates
from hub.models import HubPage
from hub.partial_dates import DatePrecision
from stories.blocks import StoryBodyBlock
from stories.forms import CaseStoryForm
from stories.licences import Licence, deed_url, default_licence


class StoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.CaseStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStoryPage(HubPage):
    standfirst = models.TextField(
        _("standfirst"),
        max_length=400,
        help_text=_(
            "One or two sentences that say what the story is about, e.g. “A county opened its "
            "budget hearings to the public and attendance tripled.”"
        ),
    )
    publication_date = models.DateField(
        _("publication date"),
        help_text=_(
            "When the story first appeared. Known only to the month or the year? Choose the "
            "first day of it and set the precision below: e.g. 1 March 2021 and “Month”."
        ),
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "How much of the date is known: shown as “13 June 2024”, “June 2024” or “2024”."
        ),
    )
    source_url = models.URLField(
        _("originally published at"),
        max_length=500,
        blank=True,
        help_text=_(
            "The address of the original publication, if the story appeared elsewhere first, "
            "e.g. https://example.org/blog/budget-hearings"
        ),
    )
    licence = models.CharField(
        _("licence"),
        max_length=40,
        choices=Licence.choices,
        default=default_licence,
        help_text=_(
            "The terms under which others may reuse the story and its lessons: shown on the "
            "page and in the open data."
        ),
    )
    partners_involved = ParentalManyToManyField(
        "network.PartnerProfilePage",
        verbose_name=_("partners involved"),
        blank=True,
        related_name="stories_involved_in",
        help_text=_("Other partners of a consortium story; the publishing partner is its parent."),
    )
    # Plain text, one name per line: organisations a story names that have no profile (a
    # county assembly, a ministry) are shown as names, not links, and need no page to exist.
    # Translatable: a public body's name often has an established form in each language.
    other_organisations = models.TextField(
        _("other organisations involved"),
        blank=True,
        help_text=_(
            "Organisations without a profile on the hub, one name per line, e.g. “Nairobi "
            "County Assembly”. They are shown as names, without a link."
        ),
    )
    collaborative = models.ForeignKey(
        "network.LearningCollaborativePage",
        verbose_name=_("learning collaborative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    themes = ParentalManyToManyField("hub.Theme", verbose_name=_("themes"), blank=True)
    tags = ClusterTaggableManager(through=StoryTag, blank=True, verbose_name=_("tags"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required with an image: what it shows, for people who cannot see it."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)
    # Hash of the file a story was last imported from: re-importing an unchanged file is a no-op.
    import_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    # Everything a story needs on one tab, in the order the page reads (the Promote tab keeps
    # only the slug and search settings); the form narrows themes and partners to the page's
    # language (stories/forms.py).
    content_panels = HubPage.content_panels + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("date_precision"),
                FieldPanel("source_url"),
                FieldPanel("licence"),
            ],
            heading=_("When and where it was published"),
        ),
        FieldPanel("countries"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partners_involved", widget=forms.CheckboxSelectMultiple),
        FieldPanel("other_organisations", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("collaborative"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        FieldPanel("body"),
        InlinePanel("lessons", heading=_("Lessons learned"), label=_("Lesson"), min_num=0),
        FieldPanel("tags"),
    ]
    promote_panels = HubPage.promote_panels
    search_fields = HubPage.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]
    translatable_fields = HubPage.translatable_fields + [
        TranslatableField("standfirst"),
        SynchronizedField("publication_date"),
        SynchronizedField("date_precision"),
        SynchronizedField("source_url"),
        SynchronizedField("licence"),
        SynchronizedField("partners_involved"),
        TranslatableField("other_organisations"),
        SynchronizedField("collaborative"),
        SynchronizedField("countries"),
        SynchronizedField("themes"),
        SynchronizedField("tags"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        TranslatableField("body"),
        TranslatableField("lessons"),
    ]
    base_form_class = CaseStoryForm
    parent_page_types = ["network.PartnerProfilePage"]
    subpage_types = []
    select_related_when_served = ("locale", "hero_image", "collaborative")

    class Meta:
        verbose_name = _("case story")
        verbose_name_plural = _("case stories")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": _("Describe the image for people who cannot see it.")}
            )

    def save(self, *args, **kwargs):
        self.make_lesson_anchors_unique()
        return super().save(*args, **kwargs)

    def make_lesson_anchors_unique(self):
        """Two lessons with the same headline still get two different anchors."""
        from django.utils.text import slugify

        seen = set()
        for lesson in self.lessons.all():
            base = lesson.slug or slugify(lesson.headline)[:74].strip("-") or "lesson"
            slug, n = base, 2
            while slug in seen:
                slug, n = f"{base}-{n}", n + 1
            lesson.slug = slug
            seen.add(slug)

    # --- reading -----------------------------------------------------------------------------

    def summary_text(self) -> str:
        return self.standfirst

    def other_organisation_names(self) -> list[str]:
        return [name for line in self.other_organisations.splitlines() if (name := line.strip())]

    def source_site(self) -> str:
        """The original publication's host name, as its link reads ("example.org")."""
        host = urlsplit(self.source_url).hostname or ""
        return host.removeprefix("www.")

    def get_partner(self):
        """The publishing partner: the parent page (one query; cached)."""
        if not hasattr(self, "_partner"):
            from network.models import PartnerProfilePage

            self._partner = PartnerProfilePage.objects.filter(
                path=self.path[: -self.steplen]
            ).first()
        return self._partner

    def get_context(self, request, *args, **kwargs):
        from search.semantic import related_lessons
        from stories.template_context import story_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_context(self))
        context["related_lessons"] = related_lessons(self, request)
        return context

    def public_partner(self):
        """The partner's page visitors can open: its profile, or while the profile is not
        translated into the story's language, a live version in another (kept for the
        page's context and its JSON-LD)."""
        if not hasattr(self, "_public_partner"):
            from hub.visibility import live_stand_in

            self._public_partner = live_stand_in(self.get_partner())
        return self._public_partner

    def structured_data(self, request=None) -> dict:
        partner = self.public_partner()
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.standfirst,
            "datePublished": partial_dates.machine(self.publication_date, self.date_precision)
            or None,
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
        }
        if partner is not None:
            organisation = {
                "@type": "Organization",
                "name": partner.title,
                "url": partner.get_full_url(request),
            }
            data["author"] = organisation
            data["publisher"] = organisation
        if self.source_url:
            data["isBasedOn"] = self.source_url
        if deed_url(self.licence):
            data["license"] = deed_url(self.licence)
        if self.countries:
            data["spatialCoverage"] = [country.name for country in self.countries]
        return {key: value for key, value in data.items() if value is not None}
