"""What every public page of the hub shares: meta description, social cards, structured data."""

from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Page


class HubPage(Page):
    """Abstract base for the hub's page types.

    Page types fill ``summary_text()`` and ``structured_data()``; the base template reads them
    for the meta description, Open Graph tags and schema.org JSON-LD, so no page type repeats
    that markup.
    """

    class Meta:
        abstract = True

    def summary_text(self) -> str:
        """Plain text that describes the page in one or two sentences."""
        return ""

    def meta_description(self) -> str:
        text = self.search_description or self.summary_text() or ""
        return Truncator(strip_tags(text).strip()).chars(160)

    def structured_data(self, request=None) -> dict | None:
        """A schema.org object for JSON-LD, or None."""
        return None
