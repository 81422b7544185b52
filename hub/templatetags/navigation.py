"""Template tags for finding one's way: the main sections, the page in other languages, the
pages above it."""

from django import template
from django.conf import settings
from django.urls import translate_url

from hub import routing
from hub.languages import language_name
from hub.visibility import live_stand_ins

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page=None):
    """This content in each language that exists for it, for hreflang links and the switcher.

    On a Wagtail page only live translations count, so a visitor is never sent to a 404 or
    to an untranslated copy; on other views (search) it is the same URL in each language.
    """
    request = context.get("request")
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    links = []
    if page is not None and getattr(page, "pk", None):
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        for translation in translations:
            links.append(
                {
                    "code": translation.locale.language_code,
                    "url": translation.url,
                    "full_url": translation.get_full_url(request),
                }
            )
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            links.append({"code": code, "url": translate_url(request.get_full_path(), code)})
    order = [code for code, _name in settings.LANGUAGES]
    links.sort(key=lambda link: order.index(link["code"]) if link["code"] in order else 99)
    for link in links:
        link["name"] = language_name(link["code"])
        link["current"] = link["code"] == current
    return links


@register.simple_tag
def breadcrumb_pages(page) -> list:
    """The pages above ``page``, from the home page down (the tree's root left out).

    A served page carries them from routing (``hub.routing``); a preview asks the tree.
    """
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = list(page.get_ancestors())
    # A live page can sit below a draft (a story below a profile not yet translated into its
    # language): link to a live version of the draft, or leave it out.
    ancestors = live_stand_ins(ancestors[1:])
    return [ancestor for ancestor in ancestors if ancestor is not None]


@register.simple_tag(takes_context=True)
def section_urls(context) -> dict[str, str]:
    """The URL of each main section by page type: ``sections.storyindexpage``."""
    request = context.get("request")
    return routing.section_urls(request) if request is not None else {}
