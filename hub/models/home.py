from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import HubPage


class HomePage(HubPage):
    """The root of each language's tree: what the hub is, and the way into stories and toolkit."""

    standfirst = models.CharField(_("standfirst"), max_length=250, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = HubPage.content_panels + [FieldPanel("standfirst"), FieldPanel("intro")]
    search_fields = HubPage.search_fields + [index.SearchField("standfirst")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("standfirst"),
        TranslatableField("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def summary_text(self) -> str:
        return self.standfirst

    def structured_data(self, request=None) -> dict:
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }
