"""What the search page shows besides the hits themselves: what each result is, folded
facets, filters to remove when nothing matched, and themes to browse.

The page follows the GOV.UK Design System's "filter a list" pattern: results first, the
filters beside them on a wide screen and behind a "Filters (n)" disclosure on a phone,
selected filters as removable chips, long facets folded after a few values.
"""

from __future__ import annotations

import dataclasses

from django.utils import translation
from django.utils.translation import gettext as _

from search import facets as facet_tools
from search.engines import SearchUnavailable, get_fallback_engine
from search.service import engine

# Values a facet shows before the rest are folded behind "Show all".
FOLD_AFTER = 5
# A zero-result page counts what removing each filter would find: a search each, so few.
MAX_DROP_COUNTS = 6


def badge(document, language: str) -> tuple[str, str]:
    """(label, css modifier) saying what a result is: a lesson's kind ("What worked"), a
    toolkit topic, a resource's type, or the kind of item."""
    with translation.override(language):
        if document.kind == "lesson" and document.lesson_types:
            labels = facet_tools.labels("lesson_type", document.lesson_types[:1], language)
            # The modifier is the kind itself: the same icon and colour as on the story.
            kind = document.lesson_types[0]
            return labels.get(kind, _("Lesson")), kind
        if document.kind == "resource" and document.display.get("toolkit_title"):
            return _("Toolkit topic"), "topic"
        if document.kind == "resource" and document.display.get("resource_type"):
            key = document.display["resource_type"]
            return facet_tools.labels("resource_type", [key], language).get(key, key), "resource"
        label = facet_tools.labels("kind", [document.kind], language).get(document.kind)
        return label or document.kind, document.kind


def describe(items: list[dict], hits, language: str) -> list[dict]:
    """The page's result items with their badge and, for a toolkit topic, its toolkit."""
    for item, hit in zip(items, hits, strict=True):
        item["badge"], item["badge_kind"] = badge(hit.document, language)
        item["toolkit_title"] = hit.document.display.get("toolkit_title", "")
    return items


def fold(groups: list[dict]) -> list[dict]:
    """Each facet's first values, and the rest to fold (unfolded when one of them is ticked)."""
    for group in groups:
        values = group["values"]
        group["head"], group["tail"] = values[:FOLD_AFTER], values[FOLD_AFTER:]
        group["tail_open"] = any(value["selected"] for value in group["tail"])
        group["selected_count"] = sum(1 for value in values if value["selected"])
    return groups


def _total(request) -> int | None:
    probe = dataclasses.replace(request, page=1, page_size=1)
    try:
        return engine().search(probe).total
    except SearchUnavailable:
        return get_fallback_engine().search(probe).total


def drop_filter_links(request, params) -> list[dict]:
    """For a search that found nothing: each selected filter value, a link without it and
    how many results that search has (most first)."""
    links = []
    for chip in facet_tools.chips(request, params)[:MAX_DROP_COUNTS]:
        facet, value = chip["key"]
        values = tuple(v for v in request.filters[facet] if v != value)
        filters = {k: v for k, v in request.filters.items() if k != facet}
        if values:
            filters[facet] = values
        chip["count"] = _total(dataclasses.replace(request, filters=filters))
        links.append(chip)
    return sorted(links, key=lambda link: -(link["count"] or 0))


def theme_links(language: str) -> list[dict]:
    """Every theme in the page's language, each a search for that theme."""
    from hub.home_sections import theme_links

    return theme_links(language)
