"""One parser of URL parameters for the search page and the JSON API.

Both speak the same parameters (``q``, ``lang``, ``sort``, ``page``, ``page_size``,
``all_languages`` and one repeatable parameter per facet), so a link copied from the page
works against the API and the other way round. Unknown parameter *names* are errors (a typo
would otherwise silently widen a search); unknown facet *values* are dropped with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from search.documents import FACETS
from search.engines.base import (
    DEFAULT_PAGE_SIZE,
    LANGUAGES,
    InvalidSearchRequest,
    SearchRequest,
)

KNOWN = {"q", "lang", "sort", "page", "page_size", "all_languages", *FACETS}
# Parameters only the page uses (which long facet is expanded); the API rejects them.
PAGE_ONLY = {"expand"}


@dataclass
class ParseResult:
    request: SearchRequest | None = None
    errors: dict[str, str] = field(default_factory=dict)


def _positive_int(value: str, name: str, errors: dict) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[name] = _("%(name)s must be a positive integer.") % {"name": name}
        return None
    if number < 1:
        errors[name] = _("%(name)s must be a positive integer.") % {"name": name}
        return None
    return number


def parse(params, default_language: str, extra_allowed=frozenset()) -> ParseResult:
    """``params`` is a QueryDict; returns a ``SearchRequest`` or errors keyed by parameter."""
    errors: dict[str, str] = {}
    for name in params:
        if name not in KNOWN and name not in extra_allowed:
            errors[name] = _("%(name)s is not a search parameter.") % {"name": name}
    language = params.get("lang") or default_language
    if language not in LANGUAGES:
        errors["lang"] = _("lang must be one of %(values)s.") % {"values": ", ".join(LANGUAGES)}
    page = _positive_int(params.get("page", "1") or "1", "page", errors)
    page_size = _positive_int(
        params.get("page_size", str(DEFAULT_PAGE_SIZE)) or str(DEFAULT_PAGE_SIZE),
        "page_size",
        errors,
    )
    if errors:
        return ParseResult(errors=errors)
    filters = {facet: params.getlist(facet) for facet in FACETS if facet in params}
    try:
        request = SearchRequest(
            text=params.get("q", ""),
            filters=filters,
            sort=params.get("sort") or "relevance",
            page=page,
            page_size=page_size,
            language=language,
            include_other_languages=params.get("all_languages") in ("1", "true", "on"),
        )
    except InvalidSearchRequest as error:
        return ParseResult(errors={error.parameter: error.message})
    return ParseResult(request=request)
