"""The Elasticsearch index shape: one index per language, with that language's analysis.

Text is analysed by a per-language chain (lowercase, accent folding, the language's stemmer)
rather than the built-in ``english``/``french``/``spanish`` analyzers, which do not fold
accents: "sante" must find "santé" on every engine. No stop words are dropped from the
index, as on SQLite: which words of a query count is decided once, by
``search.analysis.parse_query``, for every engine. A server's own stop list (osmem's drops
"should", "up" and "down") made a word the query counts unmatchable, and a question with
one such word lost the documents that held all the others. ``title`` has an
edge-n-gram subfield for autocomplete; ``spell`` (unstemmed copy of the text) serves prefix
queries and spelling suggestions. Analyzers are set per field: an index-level default
analyzer is not honoured by every server speaking the protocol.
"""

from search.documents import LIST_FIELDS
from search.languages import analysed, analysis

MAX_BUCKETS = 10_000  # facet values returned per facet: all of them, in practice


def stemmers() -> dict[str, str]:
    """``{code: Elasticsearch stemmer}`` of the hub's languages: every index holds all of them,
    for the query analyzers."""
    return {code: facts.elasticsearch for code, facts in analysed().items()}


def query_analyzer(language: str) -> str:
    """The analyzer that stems a query word as ``language`` does, defined in every index."""
    return f"hub_query_{language}"


def index_settings(language: str) -> dict:
    """The analysis of the index for ``language`` (one of ``search.languages.analysed()``)."""
    name = analysis(language).elasticsearch
    return {
        "number_of_shards": 1,
        "analysis": {
            "filter": {
                "hub_stem": {"type": "stemmer", "language": name},
                "hub_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
                **{
                    f"hub_stem_{code}": {"type": "stemmer", "language": other}
                    for code, other in stemmers().items()
                },
            },
            "analyzer": {
                "hub_text": {
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "hub_stem"],
                },
                # A query word is looked for in each language's stemming, as the database
                # engines do: "sociaux" (French for "social") finds an English "social".
                **{
                    query_analyzer(code): {
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding", f"hub_stem_{code}"],
                    }
                    for code in stemmers()
                },
                "hub_plain": {
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
                "hub_edge": {
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "hub_edge"],
                },
            },
        },
    }


def _text(**extra) -> dict:
    return {"type": "text", "analyzer": "hub_text", "copy_to": ["all_text", "spell"], **extra}


MAPPINGS = {
    "dynamic": False,
    "properties": {
        **{
            name: {"type": "keyword"}
            for name in ("id", "source", "kind", "locale", "translation_key", "year")
        },
        "url": {"type": "keyword", "index": False},
        "title": _text(
            fields={
                "autocomplete": {
                    "type": "text",
                    "analyzer": "hub_edge",
                    "search_analyzer": "hub_plain",
                }
            }
        ),
        "summary": _text(),
        "body": _text(),
        "all_text": {"type": "text", "analyzer": "hub_text"},
        "spell": {"type": "text", "analyzer": "hub_plain"},
        "date": {"type": "date"},
        **{name: {"type": "keyword"} for name in LIST_FIELDS},
        # Languages the document's translation group exists in ("include other languages").
        "available_locales": {"type": "keyword"},
        "display": {"type": "object", "enabled": False},
    },
}
