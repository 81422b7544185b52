"""The Elasticsearch index shape: one index per language, with that language's analysis.

Text is analysed by a per-language chain (lowercase, accent folding, the language's stop
words and stemmer) rather than the built-in language analyzers (``english``, ``french``...),
which do not fold accents: "sante" must find "santé" on every engine. ``title`` has an
edge-n-gram subfield for autocomplete; ``spell`` (unstemmed copy of the text) serves prefix
queries and spelling suggestions. Analyzers are set per field: an index-level default
analyzer is not honoured by every server speaking the protocol.
"""

from search.documents import LIST_FIELDS
from search.languages import analysis

MAX_BUCKETS = 10_000  # facet values returned per facet: all of them, in practice


def index_settings(language: str) -> dict:
    """The analysis of the index for ``language`` (one of ``search.languages.analysed()``)."""
    name = analysis(language).elasticsearch
    return {
        "number_of_shards": 1,
        "analysis": {
            "filter": {
                "hub_stop": {"type": "stop", "stopwords": f"_{name}_"},
                "hub_stem": {"type": "stemmer", "language": name},
                "hub_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
            },
            "analyzer": {
                "hub_text": {
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "hub_stop", "hub_stem"],
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
