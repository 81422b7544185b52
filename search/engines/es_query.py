"""Elasticsearch query bodies and responses: what the engine sends and how it reads the answer.

Kept apart from the engine (index management, transport) so that the query shape can be read
and benchmarked on its own: ``bench/search_bench.py`` times building and shaping apart from
the server's ``took``. Disjunctive facets: the selections go to ``post_filter`` (they narrow
the hits only) and each facet's aggregation is filtered by every selection except its own.
"""

from __future__ import annotations

from search.analysis import Phrase, Query, Term, corrected, preference_order
from search.documents import FACETS
from search.engines.base import (
    MARK_END,
    MARK_START,
    SearchHit,
    SearchRequest,
    SearchResponse,
    shape_facets,
)
from search.engines.es_schema import MAX_BUCKETS, query_analyzer, stemmers
from search.engines.serialise import document_from_data
from search.languages import language_codes

TEXT_FIELDS = ["title", "summary", "body"]
# What each optional word a document holds adds to its score: more than any BM25 score of
# these short documents reaches, so a document holding more of the words ranks first.
COVERAGE = 1000.0
HIGHLIGHT = {
    "pre_tags": [MARK_START],
    "post_tags": [MARK_END],
    "require_field_match": False,
    "fields": {
        "body": {"fragment_size": 160, "number_of_fragments": 1},
        "summary": {"fragment_size": 160, "number_of_fragments": 1},
        "title": {"number_of_fragments": 0},
    },
}


def part_clause(part: Term | Phrase) -> dict:
    if isinstance(part, Phrase):
        # Within one field: a phrase never spans the title and the body.
        phrase = {"query": " ".join(part.words), "type": "phrase", "fields": TEXT_FIELDS}
        return {"multi_match": phrase}
    if part.prefix:
        return {"prefix": {"spell": part.word}}
    # The word in every language's stemming, as the database engines match it.
    stemmings = [
        {"match": {"all_text": {"query": part.word, "analyzer": query_analyzer(code)}}}
        for code in stemmers()
    ]
    return {"dis_max": {"queries": stemmings}}


def text_query(query: Query) -> dict:
    """Required parts must match; of the optional words, ``minimum_should_match``. Documents
    are ordered as the database engines order them: first by *coverage* (how many optional
    words they hold: each adds ``COVERAGE``), then by relevance (title and summary boosts,
    a bonus for the words in sequence), which stays far below one word's worth."""
    optional = [
        {"constant_score": {"filter": part_clause(p), "boost": COVERAGE}} for p in query.optional
    ]
    must = [part_clause(p) for p in query.required]
    if optional:
        must.append(
            {"bool": {"should": optional, "minimum_should_match": query.minimum_should_match}}
        )
    words = " ".join(query.words())
    return {
        "bool": {
            "must": must,
            "should": [
                {"multi_match": {"query": words, "fields": ["title^3", "summary^2", "body"]}},
                {"match_phrase": {"all_text": {"query": words, "slop": 3}}},
            ],
        }
    }


def language_filter(request: SearchRequest) -> dict:
    """The visitor's language, or (the default) one document per translation group: the one
    in the visitor's language, else the group's first in ``preference_order``."""
    mine = {"term": {"locale": request.language}}
    if not request.include_other_languages:
        return mine
    order = preference_order(language_codes())
    representative = [
        {
            "bool": {
                "filter": [{"term": {"locale": code}}],
                "must_not": [{"terms": {"available_locales": order[:i]}}] if i else [],
            }
        }
        for i, code in enumerate(order)
    ]
    lacking = {
        "bool": {
            "must_not": [{"term": {"available_locales": request.language}}],
            "should": representative,
            "minimum_should_match": 1,
        }
    }
    return {"bool": {"should": [mine, lacking], "minimum_should_match": 1}}


def build_query(request: SearchRequest) -> dict:
    query = request.query
    if query and request.also_ids:
        # Found by meaning: in the result set whatever the words, ranked by the caller.
        also = {
            "constant_score": {
                "filter": {"ids": {"values": list(request.also_ids)}},
                "boost": 0.0001,
            }
        }
        matching = {"bool": {"should": [text_query(query), also], "minimum_should_match": 1}}
    elif query:
        matching = text_query(query)
    else:
        matching = {"match_all": {}}
    es_query = {"bool": {"must": [matching], "filter": [language_filter(request)]}}
    selections = {
        facet: {"terms": {FACETS[facet]: list(values)}} for facet, values in request.filters.items()
    }
    aggs = {
        facet: {
            "filter": {"bool": {"filter": [f for name, f in selections.items() if name != facet]}},
            "aggs": {"values": {"terms": {"field": field, "size": MAX_BUCKETS}}},
        }
        for facet, field in FACETS.items()
    }
    newest = [{"date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    relevance = bool(query) and request.sort == "relevance"
    body = {
        "query": es_query,
        "post_filter": {"bool": {"filter": list(selections.values())}},
        "aggs": aggs,
        "sort": ["_score", *newest] if relevance else newest,
        "from_": request.offset,
        "size": request.page_size,
        "track_total_hits": True,
    }
    if relevance and request.rank_window:
        # Ids and scores of the best matches only: the caller fuses and fetches a page.
        body.update(from_=0, size=request.rank_window, source=False)
    elif query:
        body["highlight"] = HIGHLIGHT
    if query:
        body["suggest"] = {
            "text": " ".join(query.words()),
            "words": {"term": {"field": "spell", "suggest_mode": "missing"}},
        }
    return body


def also_query(request: SearchRequest) -> dict:
    """Which of ``request.also_ids`` pass the language and every selection."""
    selections = [{"terms": {FACETS[f]: list(v)}} for f, v in request.filters.items()]
    return {
        "bool": {
            "filter": [
                {"ids": {"values": list(request.also_ids)}},
                language_filter(request),
                *selections,
            ]
        }
    }


def shape_hit(hit: dict, relevance: bool) -> SearchHit:
    document = document_from_data(hit["_source"])
    marked = hit.get("highlight", {})
    snippet = next(
        (
            marked[name][0]
            for name in ("body", "summary", "title")
            if marked.get(name) and MARK_START in marked[name][0]
        ),
        document.summary,
    )
    # Some servers drop the closing tag of a match that ends the field: close it.
    snippet += MARK_END * (snippet.count(MARK_START) - snippet.count(MARK_END))
    return SearchHit(document, hit.get("_score") if relevance else None, snippet)


def shape_response(request, result: dict, engine: str) -> SearchResponse:
    query = request.query
    relevance = bool(query) and request.sort == "relevance"
    counts = {
        facet: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in result.get("aggregations", {})
            .get(facet, {})
            .get("values", {})
            .get("buckets", [])
        }
        for facet in FACETS
    }
    response = SearchResponse(
        request=request,
        total=result["hits"]["total"]["value"],
        hits=[],
        facets=shape_facets(request, counts),
        suggestion=suggestion(result, request.text) if query else None,
        engine=engine,
        took_ms=result.get("took"),
    )
    if relevance and request.rank_window:
        also = set(request.also_ids)
        response.ranked = [
            (hit["_id"], hit["_score"])
            for hit in result["hits"]["hits"]
            # A document found only by meaning scores the constant 0.0001: not a keyword hit.
            if hit["_id"] not in also or (hit["_score"] or 0) > 0.001
        ]
    else:
        response.hits = [shape_hit(hit, relevance) for hit in result["hits"]["hits"]]
    return response


def suggestion(result: dict, text: str) -> str | None:
    """The visitor's words with each word the index lacks replaced by the term suggester's
    closest indexed word."""
    fixes = {
        entry["text"]: entry["options"][0]["text"]
        for entry in result.get("suggest", {}).get("words", [])
        if entry.get("options") and entry["options"][0].get("text")
    }
    return corrected(text, fixes) if fixes else None
