"""One parser of URL parameters for the search page and the JSON API.

Both speak the same parameters (``q``, ``lang``, ``sort``, ``page``, ``page_size``,
``all_languages`` and one repeatable parameter per facet), so a link copied from the page
works against the API and the other way round. Unknown parameter *names* are errors (a typo
would otherwise silently widen a search); unknown facet *values* are dropped with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from search.analysis import WORD, parse_query
from search.documents import FACETS
from search.engines.base import (
    DEFAULT_PAGE_SIZE,
    MAX_TEXT_LENGTH,
    InvalidSearchRequest,
    SearchRequest,
)
from search.languages import language_codes

KNOWN = {"q", "lang", "sort", "page", "page_size", "all_languages", "as_typed", *FACETS}
# Parameters only the page uses (which long facet is expanded); the API rejects them.
PAGE_ONLY = {"expand"}


@dataclass
class ParseResult:
    request: SearchRequest | None = None
    errors: dict[str, str] = field(default_factory=dict)
    # Said to the visitor, the search still runs: the query was shortened, had no words...
    warnings: list[str] = field(default_factory=list)
    # "Search instead for" what was typed: no spelling correction.
    as_typed: bool = False


def clean_text(text: str, language: str) -> tuple[str, list[str]]:
    """The query text a search can run, and what the visitor should be told about it.

    A query over the length limit is cut at a word boundary rather than dropped; one with no
    letters or digits (an emoji, punctuation) is an empty search; past 12 words or 3
    prefixes ``parse_query`` ignores the rest, bounding what one query may cost.
    """
    warnings = []
    text = (text or "").strip()
    if len(text) > MAX_TEXT_LENGTH:
        text = text[:MAX_TEXT_LENGTH].rsplit(" ", 1)[0].strip() or text[:MAX_TEXT_LENGTH]
        warnings.append(
            _("Your search was longer than %(limit)s characters: only its start was used.")
            % {"limit": MAX_TEXT_LENGTH}
        )
    if text and not WORD.search(text):
        warnings.append(_("Your search had no letters or numbers, so everything is listed."))
        return "", warnings
    if text and parse_query(text, language).shortened:
        warnings.append(_("Your search had many words: only the first ones were used."))
    return text, warnings


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
    if language not in language_codes():
        errors["lang"] = _("lang must be one of %(values)s.") % {
            "values": ", ".join(language_codes())
        }
    page = _positive_int(params.get("page", "1") or "1", "page", errors)
    page_size = _positive_int(
        params.get("page_size", str(DEFAULT_PAGE_SIZE)) or str(DEFAULT_PAGE_SIZE),
        "page_size",
        errors,
    )
    if errors:
        return ParseResult(errors=errors)
    filters = {facet: params.getlist(facet) for facet in FACETS if facet in params}
    text, warnings = clean_text(params.get("q", ""), language)
    try:
        request = SearchRequest(
            text=text,
            filters=filters,
            sort=params.get("sort") or "relevance",
            page=page,
            page_size=page_size,
            language=language,
            # Every language by default; all_languages=0 narrows to the visitor's.
            include_other_languages=params.get("all_languages") not in ("0", "false", "off"),
        )
    except InvalidSearchRequest as error:
        return ParseResult(errors={error.parameter: error.message})
    return ParseResult(
        request=request,
        warnings=warnings,
        as_typed=params.get("as_typed") in ("1", "true", "on"),
    )
