"""Running a search for the page and the API: engine choice, fallback, the two rankings,
spelling correction, logging, promotions.

A search with words runs two rankings: the engine's keyword ranking (ranked partial
matching, see ``search.analysis``) and, across languages, the nearest documents in meaning
(``search.semantic``), scanned in a thread while the engine works on the words. The engine
treats the nearest documents as matching too, so its total and facet counts describe the
whole result set; the two rankings are then fused by
reciprocal rank (each document scores the sum of 1 / (k + its rank) in each list), and one
page of the fused list is fetched. When a word is unknown to the index and the corrected
query finds more, the results are those of the corrected query ("showing results for").
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from django.conf import settings

from search.engines import SearchUnavailable, get_engine, get_fallback_engine
from search.engines.base import MAX_RESULT_WINDOW, SearchRequest, SearchResponse

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


# Reciprocal rank fusion's constant (the usual 60), the nearest documents asked for, and how
# many keyword matches beyond the page are fused with them.
RRF_K = 60
# Each ranking's weight in the fusion.
KEYWORD_WEIGHT = 1.0
MEANING_WEIGHT = 1.0
SEMANTIC_K = 50
# Cosine below which a document is not taken as near. Lower than the model's calibrated
# MIN_SCORE (0.22, the best score of queries about nothing the demo holds was 0.20):
# measured on the judged set (bench/relevance), 0.18 with 50 neighbours gave recall@10 0.91
# against 0.87 with 30 at 0.22, the same MRR; an unrelated query may bring a few weak hits.
FUSION_MIN_SCORE = 0.18
# With filters, the nearest documents are looked for further down: most may not pass them.
SEMANTIC_K_FILTERED = 200
FUSION_DEPTH = 100
# Fewer keyword matches than this, and a correction that finds more, shows the correction.
FEW = 3


# The scans of the vectors run here, beside the database's work on the words. A few
# threads: each scan holds the GIL only between numpy's calls, and a process serves few
# requests at once.
def _thread_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="hub-meaning")


_beside = _thread_pool()


def _after_fork_in_child() -> None:
    # A forked process has none of its parent's threads, but the pool would think it has.
    global _beside
    _beside = _thread_pool()


os.register_at_fork(after_in_child=_after_fork_in_child)


def nearest_ids(request: SearchRequest) -> list[str]:
    """Ids of the documents nearest in meaning to the query, best first (any language)."""
    return nearest_later(request)()


def nearest_later(request: SearchRequest) -> Callable[[], list[str]]:
    """``nearest_ids`` as a call that waits for them: the scan runs in a thread and the
    search goes on meanwhile. The index is taken here, where the database and the cache may
    be read (``current_index``); the thread touches neither."""
    if not request.text or request.sort != "relevance":
        return list
    if not getattr(settings, "SEARCH_SEMANTIC", False):
        return list
    from search.semantic.index import current_index

    index = current_index()
    if not len(index):
        return list
    return _beside.submit(_nearest_in, index, request).result


def _nearest_in(index, request: SearchRequest) -> list[str]:
    from search.semantic import nearest
    from search.semantic.index import with_translations

    k = SEMANTIC_K_FILTERED if request.filters else SEMANTIC_K
    near = nearest(request.text, k=k, min_score=FUSION_MIN_SCORE, index=index)
    return with_translations([doc_id for doc_id, _ in near], index) if near else []


def fuse(keyword: list[str], meaning: list[str]) -> list[tuple[str, float]]:
    scores: dict[str, float] = {}
    for ranking, weight in ((keyword, KEYWORD_WEIGHT), (meaning, MEANING_WEIGHT)):
        for rank, doc_id in enumerate(ranking, start=1):
            scores[doc_id] = scores.get(doc_id, 0.0) + weight / (RRF_K + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def search_once(engine, request: SearchRequest) -> SearchResponse:
    """One search on one engine, both rankings fused when the query has words."""
    if not request.query or request.sort != "relevance":
        return engine.search(request)
    nearest = nearest_later(request)
    window = min(MAX_RESULT_WINDOW, request.offset + request.page_size + FUSION_DEPTH)
    response = engine.search_beside(replace(request, rank_window=window), nearest)
    meaning = nearest()
    keyword = [doc_id for doc_id, _ in response.ranked]
    response.keyword_total = len(keyword)
    matched = set(response.also_matched)
    fused = fuse(keyword, [doc_id for doc_id in meaning if doc_id in matched])
    page = fused[request.offset : request.offset + request.page_size]
    scores = dict(page)
    response.hits = engine.fetch(request, [doc_id for doc_id, _ in page])
    for hit in response.hits:
        hit.score = scores.get(hit.document.id)
    response.request = request
    return response


def search_with_correction(engine, request: SearchRequest, as_typed: bool) -> SearchResponse:
    response = search_once(engine, request)
    if as_typed or not response.suggestion or response.suggestion == request.text:
        return response
    found = response.keyword_total if response.keyword_total is not None else response.total
    if found >= FEW:
        return response
    fixed = search_once(engine, replace(request, text=response.suggestion))
    fixed_found = fixed.keyword_total if fixed.keyword_total is not None else fixed.total
    if fixed_found > found:
        fixed.request = request
        fixed.showing_results_for = response.suggestion
        fixed.suggestion = None
        return fixed
    return response


def run_search(request: SearchRequest, as_typed: bool = False, log: bool = True) -> Outcome:
    response, degraded = _with_fallback(lambda e: search_with_correction(e, request, as_typed))
    if log:
        log_query(request, response)
    return Outcome(response=response, degraded=degraded)


BOTS = ("bot", "crawl", "spider", "slurp", "curl/", "wget/", "python-requests", "headless")


def counts_as_a_search(http_request) -> bool:
    """Whether a request is a visitor's search for the reports: GET only (a HEAD asks for
    headers), and not from a client that says it is a crawler or a script."""
    agent = http_request.headers.get("User-Agent", "").lower()
    return http_request.method == "GET" and not any(bot in agent for bot in BOTS)


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
