"""The search page: a plain GET form, facets as checkboxes, chips, pagination. It works
without JavaScript; ``hub/js/search.js`` only applies a ticked box at once."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from hub.public_url import absolute_url
from search import facets as facet_tools
from search import presentation
from search.alerts.views import follow_context
from search.engines.base import MAX_RESULT_WINDOW, SORTS
from search.params import PAGE_ONLY, parse
from search.results import result_items
from search.service import counts_as_a_search, promotions, run_search


class _Window:
    """Paginator input of ``total`` items; only the count matters, pages come from the engine."""

    def __init__(self, total: int):
        self.total = min(total, MAX_RESULT_WINDOW)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        return []


def search_page(request):
    language = translation.get_language()
    params = request.GET.copy()
    params.pop("lang", None)  # the page's language is its URL prefix
    parsed = parse(params, language, extra_allowed=PAGE_ONLY)
    context = {
        "errors": parsed.errors,
        "sorts": SORTS,
        "canonical": absolute_url(request.path, request),
    }
    if parsed.errors:
        # Drop only the bad parameters and search with the rest, saying what was dropped.
        clean = params.copy()
        for name in parsed.errors:
            clean.pop(name, None)
        params = clean
        parsed = parse(params, language, extra_allowed=PAGE_ONLY)
        if parsed.request is None:
            params = params.__class__("", mutable=True)
            parsed = parse(params, language)
    search_request, warnings = facet_tools.drop_unknown_values(parsed.request)
    warnings = parsed.warnings + warnings
    outcome = run_search(search_request, as_typed=parsed.as_typed, log=counts_as_a_search(request))
    if outcome.response.total and search_request.offset >= outcome.response.total:
        # Past the last page (an old link, a hand-edited URL): show the last page, say so.
        last = (min(outcome.response.total, MAX_RESULT_WINDOW) - 1) // search_request.page_size + 1
        search_request = dataclasses.replace(search_request, page=last)
        outcome = run_search(search_request, as_typed=parsed.as_typed, log=False)
        warnings.append(_("That page is past the end of the results: this is the last page."))
    response = outcome.response
    paginator = Paginator(_Window(response.total), search_request.page_size)
    page_obj = paginator.get_page(search_request.page) if response.total else None
    if search_request.text:
        context["canonical"] += "?" + urlencode({"q": search_request.text})
    chips = facet_tools.chips(search_request, params)
    showing_for = getattr(response, "showing_results_for", None)
    context.update(
        {
            "search": search_request,
            "response": response,
            "results": presentation.describe(
                result_items(response.hits, language), response.hits, language
            ),
            "facets": presentation.fold(
                facet_tools.page_facets(response, language, params, params.get("expand"))
            ),
            "chips": chips,
            "clear_filters_href": "?" + urlencode({"q": search_request.text})
            if search_request.text
            else "?",
            "warnings": warnings,
            "degraded": outcome.degraded,
            "page_obj": page_obj,
            "querystring": facet_tools.query_string(params, without=("page",)),
            "noindex": bool(search_request.filters)
            or search_request.page > 1
            or bool(set(params) - {"q"}),
            "promotions": promotions(search_request),
            "drop_filter_links": presentation.drop_filter_links(search_request, params)
            if not response.total
            else [],
            "theme_links": presentation.theme_links(language) if not response.total else [],
            "follow": follow_context(search_request),
            "suggestion": response.suggestion,
            "suggestion_href": suggestion_href(params, response.suggestion),
            "showing_results_for": showing_for,
            "as_typed_href": "?"
            + facet_tools.query_string(
                params, without=("as_typed", "page"), add=[("as_typed", "1")]
            )
            if showing_for
            else "",
        }
    )
    return render(request, "search/search_page.html", context)


def suggestion_href(params, suggestion: str | None) -> str:
    """The same search with the engine's suggested query instead of the typed one."""
    if not suggestion:
        return ""
    return "?" + facet_tools.query_string(params, without=("q", "page"), add=[("q", suggestion)])
