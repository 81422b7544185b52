"""Facet labels, unknown-value checks, "show all" and removable chips.

Engines answer stable keys; labels are looked up here in the visitor's language. Country
labels come from django-countries, regions from ``hub.regions``, languages from Django's
own names; the content apps register the others (``search.documents.register_labels``).
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from hub import regions
from hub.languages import language_name
from search.documents import FACETS, KINDS, label_resolver
from search.engines.base import SearchRequest
from search.languages import language_codes

FACET_LEGENDS = {
    "kind": _("Kind"),
    "country": _("Country"),
    "region": _("Region"),
    "theme": _("Theme"),
    "collaborative": _("Learning collaborative"),
    "partner": _("Partner"),
    "organisation_type": _("Organisation type"),
    "resource_type": _("Resource type"),
    "lesson_type": _("Lesson type"),
    "audience": _("Audience"),
    "language": _("Language"),
    "year": _("Year"),
}
KIND_LABELS = {
    "story": _("Story"),
    "lesson": _("Lesson"),
    "resource": _("Resource"),
    "collaborative": _("Learning collaborative"),
    "partner": _("Partner"),
}
# Facets long enough to show only their top values until the visitor asks for all.
LONG_FACETS = {"country": 8, "partner": 8}


def labels(facet: str, keys, language: str) -> dict[str, str]:
    """``{key: label}`` for the keys that exist; unknown keys are left out."""
    keys = [str(k) for k in keys]
    with translation.override(language):
        if facet == "kind":
            return {k: str(KIND_LABELS[k]) for k in keys if k in KINDS}
        if facet == "country":
            # Exact codes only: documents hold "KE", so "ke" would silently match nothing.
            return {k: str(countries.name(k)) for k in keys if k in countries.countries}
        if facet == "region":
            # Only the groupings a filter can match: Babel also names countries and "World".
            return {k: regions.region_name(k, language) for k in keys if regions.is_region(k)}
        if facet == "language":
            return {k: language_name(k) for k in keys if k in language_codes()}
        if facet == "year":
            return {k: k for k in keys if k.isdigit() and len(k) == 4}
        resolver = label_resolver(facet)
        return dict(resolver(keys, language)) if resolver else {}


def drop_unknown_values(request: SearchRequest) -> tuple[SearchRequest, list[str]]:
    """The request without filter values nothing could match, and a warning for each."""
    warnings, filters = [], {}
    for facet, values in request.filters.items():
        known = labels(facet, values, request.language)
        for value in values:
            if value not in known:
                warnings.append(
                    str(_("Unknown %(facet)s value %(value)r was ignored."))
                    % {"facet": facet, "value": value}
                )
        kept = tuple(v for v in values if v in known)
        if kept:
            filters[facet] = kept
    return dataclasses.replace(request, filters=filters), warnings


def facet_values(response, language: str) -> dict[str, list[dict]]:
    """The API's facet shape: value, label, count, selected."""
    result = {}
    for facet in FACETS:
        values = response.facets.get(facet, [])
        names = labels(facet, [v.value for v in values], language)
        # A value without a label names something visitors may not see (a restricted or
        # unpublished partner or collaborative): it is left out, never shown as its key.
        result[facet] = [
            {
                "value": v.value,
                "label": names[v.value],
                "count": v.count,
                "selected": v.selected,
            }
            for v in values
            if v.value in names
        ]
    result["region"] = _region_outline(result.get("region", []), language)
    return result


def _region_outline(values: list[dict], language: str) -> list[dict]:
    """Regions as an outline (Africa, then Sub-Saharan Africa, then Eastern Africa), each with
    its ``level`` (0 region, 1 sub-region, 2 intermediate region), instead of by count: a
    continent and the groupings inside it read as one family."""
    by_code = {value["value"]: value for value in values}
    return [
        {**by_code[code], "level": regions.level(code)}
        for code in regions.in_tree_order(by_code, language)
    ]


def query_string(params, drop: tuple[str, str] | None = None, without=(), add=None) -> str:
    """``params`` (a QueryDict) re-encoded without one facet value, some names, or with more."""
    pairs = []
    for name, values in params.lists():
        if name in without:
            continue
        for value in values:
            if drop and (name, value) == drop:
                continue
            pairs.append((name, value))
    pairs.extend(add or [])
    return urlencode(pairs)


def page_facets(response, language: str, params, expand: str | None) -> list[dict]:
    """Facets for the page: legend, values (top N unless expanded), and a "show all" link."""
    groups = []
    for facet, values in facet_values(response, language).items():
        if not values:
            continue
        limit = LONG_FACETS.get(facet)
        shown = values
        show_all = None
        if limit and expand != facet and len(values) > limit:
            shown = [v for i, v in enumerate(values) if i < limit or v["selected"]]
            base = query_string(params, without=("expand", "page"), add=[("expand", facet)])
            show_all = f"?{base}"
        groups.append(
            {"name": facet, "legend": FACET_LEGENDS[facet], "values": shown, "show_all": show_all}
        )
    return groups


def chips(request: SearchRequest, params) -> list[dict]:
    """One removable chip (a link without that value) per selected filter value."""
    result = []
    for facet, values in request.filters.items():
        names = labels(facet, values, request.language)
        for value in values:
            href = query_string(params, drop=(facet, value), without=("page",))
            result.append(
                {
                    "facet": FACET_LEGENDS[facet],
                    "label": names.get(value, value),
                    "href": f"?{href}",
                    "key": (facet, value),
                }
            )
    return result
