"""Running a search for the page and the API: engine choice, fallback, logging, promotions."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from search.engines import SearchUnavailable, get_engine, get_fallback_engine
from search.engines.base import SearchRequest, SearchResponse

logger = logging.getLogger(__name__)


def engine():
    """The configured engine (its Elasticsearch client options come from the settings, as
    on every other path: ``search/engines/es_client.py``)."""
    return get_engine()


@dataclass
class Outcome:
    response: SearchResponse
    degraded: bool = False
    warnings: list[str] = field(default_factory=list)


def _with_fallback(call):
    """``call(engine)`` on the configured engine, else on the database engine."""
    try:
        return call(engine()), False
    except SearchUnavailable as error:
        logger.warning("Search engine unavailable, answering from the database: %s", error)
        return call(get_fallback_engine()), True


def run_search(request: SearchRequest) -> Outcome:
    response, degraded = _with_fallback(lambda e: e.search(request))
    log_query(request, response)
    return Outcome(response=response, degraded=degraded)


def run_autocomplete(text: str, language: str, limit: int = 8):
    return _with_fallback(lambda e: e.autocomplete(text, language, limit=limit))


def log_query(request: SearchRequest, response: SearchResponse) -> None:
    """Count the query in Wagtail's "Search terms" report (first page only, so paging through
    results counts one search), and in "Searches with no results" when it found nothing.

    A search narrowed by filters that finds nothing says more about the filters than about
    the words, so only unfiltered misses are counted there.
    """
    if not request.text or request.page != 1:
        return
    from wagtail.contrib.search_promotions.models import Query

    from search.models import ZeroResultQuery, query_key

    Query.get(query_key(request.text)).add_hit()
    if response.total == 0 and not request.filters:
        ZeroResultQuery.record(request.text, request.language)
    logger.info("search query=%r lang=%s total=%d", request.text, request.language, response.total)


def promotions(request: SearchRequest) -> list[dict]:
    """Editors' promoted results for this query (live, public pages in the visitor's
    language), shown above the first page of results."""
    if not request.text or request.page != 1:
        return []
    from django.db.models import Q

    from wagtail.contrib.search_promotions.models import SearchPromotion

    from hub.visibility import page_queryset
    from search.models import query_key

    visible = page_queryset().live().public().filter(locale__language_code=request.language)
    promoted = (
        SearchPromotion.objects.filter(query__query_string=query_key(request.text))
        .filter(Q(page__in=visible) | Q(page__isnull=True, external_link_url__gt=""))
        .select_related("page")
        .order_by("sort_order")
    )
    return [
        {
            "title": p.page.title if p.page else p.external_link_text or p.external_link_url,
            "url": p.page.url if p.page else p.external_link_url,
            "description": p.description,
        }
        for p in promoted
    ]
