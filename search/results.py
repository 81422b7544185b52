"""Turning engine hits into what the page and the API show (labels in the visitor's language)."""

from __future__ import annotations

from django.utils.safestring import mark_safe

from hub import partial_dates
from hub.languages import language_name
from search import facets as facet_tools


def result_items(hits, language: str) -> list[dict]:
    """One dict per hit; country names looked up once for the whole page of results."""
    codes = {code for hit in hits for code in hit.document.countries}
    country_names = facet_tools.labels("country", codes, language)
    kinds = facet_tools.labels("kind", {hit.document.kind for hit in hits}, language)
    items = []
    for hit in hits:
        doc = hit.document
        items.append(
            {
                "kind": doc.kind,
                "kind_label": kinds.get(doc.kind, doc.kind),
                "title": doc.title,
                "url": doc.url,
                "locale": doc.locale,
                "other_language": doc.locale != language,
                "language_name": language_name(doc.locale),
                "date": doc.date,
                "date_precision": doc.display.get("date_precision", "day"),
                # SearchHit.snippet escapes the text before adding <mark>: safe to mark safe.
                "snippet": mark_safe(hit.snippet),  # noqa: S308
                "partner": doc.display.get("partner_name", ""),
                "story_title": doc.display.get("story_title", ""),
                "countries": [country_names.get(c, c) for c in doc.countries],
                "country_codes": list(doc.countries),
            }
        )
    return items


def api_result(item: dict) -> dict:
    return {
        "kind": item["kind"],
        "title": item["title"],
        "url": item["url"],
        "locale": item["locale"],
        "date": partial_dates.machine(item["date"], item["date_precision"]) or None,
        "snippet": str(item["snippet"]),
        "partner": item["partner"] or None,
        "countries": item["country_codes"],
    }
