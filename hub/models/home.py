from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from ..visibility import page_queryset
from .base import HubPage


class HomePage(HubPage):
    """The root of each language's tree: what the hub is, and the way into stories and toolkit."""

    standfirst = models.CharField(_("standfirst"), max_length=250, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = HubPage.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("intro"),
        InlinePanel("featured_items", label=_("Featured resources and stories"), max_num=6),
    ]
    search_fields = HubPage.search_fields + [index.SearchField("standfirst")]
    translatable_fields = HubPage.translatable_fields + [
        TranslatableField("standfirst"),
        TranslatableField("intro"),
        SynchronizedField("featured_items"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def summary_text(self) -> str:
        return self.standfirst

    def featured_pages(self) -> list[Page]:
        """The featured pages that are live and public, in the editor's order.

        One query for the choices and one per page type for the specific pages, however many
        are featured; drafts and private pages are skipped rather than shown as dead links.
        """
        ids = list(self.featured_items.order_by("sort_order").values_list("page_id", flat=True))
        pages = page_queryset().filter(pk__in=ids).live().public().specific()
        found = {page.pk: page for page in pages}
        return [found[pk] for pk in ids if pk in found]

    def get_context(self, request, *args, **kwargs):
        from hub import home_sections

        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        context.update(
            {
                "numbers": home_sections.network_numbers(),
                "latest_stories": home_sections.latest_stories(language),
                "latest_lessons": home_sections.latest_lessons(language),
                "theme_links": home_sections.theme_links(language),
                "region_links": home_sections.region_links(language),
            }
        )
        return context

    def structured_data(self, request=None) -> dict:
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }


class HomeFeaturedItem(TranslatableMixin, Orderable):
    """A resource or story that editors put on the home page.

    A generic page link keeps the home page independent of the content apps: any live page
    (a resource, a case story, a toolkit topic) can be featured.
    """

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]
    translatable_fields = [SynchronizedField("page")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("featured page")
        verbose_name_plural = _("featured pages")
