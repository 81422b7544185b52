"""Template tags for what a page says about itself to browsers, crawlers and other sites:
absolute URLs and schema.org structured data."""

from django import template
from django.utils.html import json_script
from django.utils.safestring import mark_safe

from hub.public_url import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute(context, url):
    """``url`` as an absolute URL on the public address or the visitor's host."""
    return absolute_url(str(url or ""), context.get("request"))


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org JSON-LD as a safe <script> element, or nothing."""
    if page is None or not hasattr(page, "structured_data"):
        return ""
    data = page.structured_data(context.get("request"))
    if not data:
        return ""
    # str.replace drops the SafeString mark; json_script has already escaped the JSON for a
    # <script> element, so marking the result safe again is correct.
    return mark_safe(  # noqa: S308
        json_script(data, element_id=None).replace(
            'type="application/json"', 'type="application/ld+json"'
        )
    )
