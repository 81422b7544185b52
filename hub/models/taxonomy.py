"""The shared taxonomy: themes. Countries: django-countries; regions: ``hub.regions``."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A theme of the network's work (education, fiscal transparency, ...).

    The slug is the stable key used in URLs, facets and imports, so it is synchronised across
    translations; the name and description are what translators translate.
    """

    slug = models.SlugField(
        _("key"), max_length=80, help_text=_("Stable key used in URLs and search filters.")
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        SynchronizedField("slug"),
        TranslatableField("name"),
        TranslatableField("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale"),
        ]

    def __str__(self):
        return self.name
