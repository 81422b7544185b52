"""One search, one key: the parameters that decide what a search finds, sorted.

A followed search is stored and counted by its canonical form, so ``?country=KE&q=water`` and
``?q=water&country=KE&page=3&sort=newest`` are the same search to follow. Paging, sorting and
display parameters are dropped; facet values nothing could match are dropped too (the page
ignores them the same way), and the language is kept apart.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from search import facets as facet_tools
from search.engines.base import SearchRequest
from search.params import PAGE_ONLY, parse

# What a followed search's parameters may weigh at most (50 values of a facet fit easily).
MAX_QUERY_LENGTH = 4000


class InvalidSearch(ValueError):
    """The parameters are not a search; ``str()`` says why in plain words."""


def canonical_pairs(request: SearchRequest) -> list[tuple[str, str]]:
    pairs = [("q", request.text)] if request.text else []
    pairs += [(facet, value) for facet, values in request.filters.items() for value in values]
    if not request.include_other_languages:
        pairs.append(("all_languages", "0"))
    return sorted(pairs)


def canonical_query(request: SearchRequest) -> str:
    return urlencode(canonical_pairs(request))


def parse_search(params: QueryDict, language: str) -> SearchRequest:
    """The search the parameters describe (page 1), or ``InvalidSearch``."""
    params = params.copy()
    if params.get("lang", language) != language:
        raise InvalidSearch(
            _("lang must be %(language)s on this address.") % {"language": language}
        )
    params.pop("lang", None)
    parsed = parse(params, language, extra_allowed=PAGE_ONLY)
    if parsed.errors:
        raise InvalidSearch(" ".join(str(message) for message in parsed.errors.values()))
    request, _warnings = facet_tools.drop_unknown_values(parsed.request)
    return dataclasses.replace(request, page=1, sort="relevance")


def search_from_query(query: str, language: str) -> SearchRequest:
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidSearch(_("The search is too long to follow."))
    return parse_search(QueryDict(query), language)


def describe(request: SearchRequest) -> str:
    """The search in words, in the active language: its text and filter labels."""
    parts = [f"“{request.text}”"] if request.text else []
    for facet, values in request.filters.items():
        names = facet_tools.labels(facet, values, request.language)
        legend = str(facet_tools.FACET_LEGENDS[facet])
        parts.append(f"{legend}: " + ", ".join(names.get(value, value) for value in values))
    return " · ".join(parts)
