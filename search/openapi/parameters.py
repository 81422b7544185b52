"""``components/parameters`` of the API description: one per URL parameter, named after it,
built from what the parser reads (``search.params``): the facets, their fixed keys, the page
limits and the configured languages."""

from __future__ import annotations

from django_countries import countries

from hub import regions
from search.documents import FACETS, KINDS, facet_vocabulary
from search.engines.base import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    MAX_RESULT_WINDOW,
    MAX_TEXT_LENGTH,
    MAX_VALUES_PER_FACET,
    SORTS,
)
from search.languages import language_codes

TRUTHY = ["1", "true", "on"]
FALSY = ["0", "false", "off"]

FACET_DESCRIPTIONS = {
    "kind": "What an item is.",
    "country": "A country, by its ISO 3166-1 alpha-2 code (`KE` Kenya, `BD` Bangladesh).",
    "region": (
        "A UN M49 area, by its three-digit code: a region (`002` Africa), a sub-region or "
        "grouping (`202` Sub-Saharan Africa, `419` Latin America and the Caribbean) or an "
        "intermediate region (`014` Eastern Africa). It matches every country inside it."
    ),
    "theme": "A theme, by its key (the `value` of the `theme` facet in an answer).",
    "collaborative": "A learning collaborative, by its key (the slug of its page).",
    "partner": "A partner, by its key (the slug of its profile page).",
    "organisation_type": "The type of a partner organisation.",
    "resource_type": "The type of a resource.",
    "lesson_type": "The kind of a lesson learned.",
    "audience": "Who a lesson or a resource is written for.",
    "language": "The language an item is written in.",
    "year": "The year of an item's date, four digits.",
}
FACET_EXAMPLES = {
    "country": "KE",
    "region": "202",
    "theme": "water",
    "collaborative": "health-learning-circle",
    "partner": "sahel-water-network",
    "year": "2024",
}


def _facet_keys(facet: str) -> list[str] | None:
    fixed = {
        "kind": lambda: list(KINDS),
        "country": lambda: sorted(countries.countries),
        "region": regions.region_codes,
        "language": language_codes,
    }.get(facet)
    return fixed() if fixed else facet_vocabulary(facet)


def _facet_parameter(facet: str) -> dict:
    keys = _facet_keys(facet)
    if facet == "year":
        item = {"type": "string", "pattern": "^[0-9]{4}$"}
    elif keys:
        item = {"type": "string", "enum": keys}
    else:
        item = {"type": "string", "minLength": 1}
    return {
        "name": facet,
        "in": "query",
        "description": (
            f"{FACET_DESCRIPTIONS[facet]} Repeat the parameter to select several values: "
            "values of one facet are OR-ed, facets are AND-ed. At most "
            f"{MAX_VALUES_PER_FACET} values; a value nothing is known by is ignored and "
            "named in `warnings`."
        ),
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": item, "maxItems": MAX_VALUES_PER_FACET},
        "example": [FACET_EXAMPLES.get(facet) or keys[0]],
    }


def _flag(name: str, default: str, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": {"type": "string", "enum": TRUTHY + FALSY, "default": default},
        "example": TRUTHY[0] if default in FALSY else FALSY[0],
    }


def parameters() -> dict:
    """``components/parameters``: one per URL parameter, named after it."""
    languages = language_codes()
    shared = {
        "q": {
            "name": "q",
            "in": "query",
            "description": (
                'The words to look for; empty lists everything. `"a phrase"` must match as '
                "a phrase, `+word` must match, `facilit*` matches a prefix (3 letters at "
                f"least). A query over {MAX_TEXT_LENGTH} characters is cut at a word, with a "
                "warning."
            ),
            "schema": {"type": "string"},
            "example": "facilitation",
        },
        "lang": {
            "name": "lang",
            "in": "query",
            "description": (
                "The language of the answer: labels, messages and which translation of an "
                "item is listed."
            ),
            "schema": {"type": "string", "enum": languages, "default": languages[0]},
            "example": languages[-1],
        },
        "sort": {
            "name": "sort",
            "in": "query",
            "description": "The order of results: best match first, or newest first.",
            "schema": {"type": "string", "enum": list(SORTS), "default": SORTS[0]},
            "example": SORTS[-1],
        },
        "page": {
            "name": "page",
            "in": "query",
            "description": (
                f"The page of results, from 1. No page lies past the first "
                f"{MAX_RESULT_WINDOW:,} results: at most {MAX_RESULT_WINDOW} / `page_size`."
            ),
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_RESULT_WINDOW,
                "default": 1,
            },
            "example": 2,
        },
        "page_size": {
            "name": "page_size",
            "in": "query",
            "description": "Results per page.",
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_PAGE_SIZE,
                "default": DEFAULT_PAGE_SIZE,
            },
            "example": 50,
        },
        "all_languages": _flag(
            "all_languages",
            "1",
            "`1` (the default) also lists items that exist only in other languages, once "
            "per item; `0` lists only items in `lang`.",
        ),
        "as_typed": _flag(
            "as_typed",
            "0",
            "`1` searches the words as typed, without spelling correction (the correction "
            "is still offered as `suggestion`).",
        ),
    }
    return {**shared, **{facet: _facet_parameter(facet) for facet in FACETS}}
