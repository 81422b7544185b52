"""Elasticsearch query bodies and responses: what the engine sends and how it reads the answer.

Kept apart from the engine (index management, transport) so that the query shape can be read
and benchmarked on its own: ``bench/search_bench.py`` times building and shaping apart from
the server's ``took``. Disjunctive facets: the selections go to ``post_filter`` (they narrow
the hits only) and each facet's aggregation is filtered by every selection except its own.
"""

from __future__ import annotations

from search.documents import FACETS
from search.engines.base import (
    MARK_END,
    MARK_START,
    Phrase,
    SearchHit,
    SearchRequest,
    SearchResponse,
    shape_facets,
)
from search.engines.es_schema import MAX_BUCKETS
from search.engines.serialise import document_from_data

TEXT_FIELDS = ["title", "summary", "body"]
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


def build_query(request: SearchRequest) -> dict:
    terms = request.terms
    must = []
    for term in terms:
        if isinstance(term, Phrase):
            # Within one field: a phrase never spans the title and the body.
            phrase = {"query": " ".join(term.words), "type": "phrase", "fields": TEXT_FIELDS}
            must.append({"multi_match": phrase})
        elif term.prefix:
            must.append({"prefix": {"spell": term.word}})
        else:
            query = {"query": term.word, "zero_terms_query": "all"}
            must.append({"match": {"all_text": query}})
    language = {"term": {"locale": request.language}}
    if request.include_other_languages:
        language = {
            "bool": {
                "should": [
                    language,
                    {"bool": {"must_not": {"term": {"available_locales": request.language}}}},
                ]
            }
        }
    query: dict = {"bool": {"must": must or [{"match_all": {}}], "filter": [language]}}
    if terms:
        words = " ".join(t.word if not isinstance(t, Phrase) else " ".join(t.words) for t in terms)
        query["bool"]["should"] = [
            {"multi_match": {"query": words, "fields": ["title^3", "summary^2", "body"]}}
        ]
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
    body = {
        "query": query,
        "post_filter": {"bool": {"filter": list(selections.values())}},
        "aggs": aggs,
        "sort": ["_score", *newest] if terms and request.sort == "relevance" else newest,
        "from_": request.offset,
        "size": request.page_size,
        "track_total_hits": True,
    }
    if terms:
        body["highlight"] = HIGHLIGHT
        body["suggest"] = {
            "text": " ".join(t.word for t in terms if not isinstance(t, Phrase)),
            "words": {"term": {"field": "spell", "suggest_mode": "missing"}},
        }
    return body


def shape_response(request, result: dict, terms, engine: str) -> SearchResponse:
    hits = []
    relevance = bool(terms) and request.sort == "relevance"
    for hit in result["hits"]["hits"]:
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
        hits.append(SearchHit(document, hit.get("_score") if relevance else None, snippet))
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
    total = result["hits"]["total"]["value"]
    return SearchResponse(
        request=request,
        total=total,
        hits=hits,
        facets=shape_facets(request, counts),
        suggestion=suggestion(result, terms) if total == 0 else None,
        engine=engine,
        took_ms=result.get("took"),
    )


def suggestion(result: dict, terms) -> str | None:
    options = {
        entry["text"]: entry["options"][0]["text"]
        for entry in result.get("suggest", {}).get("words", [])
        if entry.get("options") and entry["options"][0].get("text")
    }
    if not options:
        return None
    words = []
    for term in terms:
        if isinstance(term, Phrase):
            words.append('"' + " ".join(term.words) + '"')
        else:
            words.append(options.get(term.word, term.word) + ("*" if term.prefix else ""))
    return " ".join(words)
