"""Search engines behind one interface (``base.SearchEngine``), chosen by settings."""

from django.conf import settings

from search.engines.base import (  # noqa: F401  (the package's public API)
    AutocompleteHit,
    FacetValue,
    InvalidSearchRequest,
    SearchEngine,
    SearchError,
    SearchHit,
    SearchRequest,
    SearchResponse,
    SearchUnavailable,
)


def get_engine(name: str | None = None, **options) -> SearchEngine:
    """The engine serving visitors: Elasticsearch when ELASTICSEARCH_URL is set, else the
    database. ``name`` ("database" or "elasticsearch") forces one. The Elasticsearch client
    is configured by the settings (``es_client``); ``options`` (``url``, ``prefix``, client
    keywords) point it elsewhere, at a server of the caller's own."""
    if name is None:
        name = "elasticsearch" if getattr(settings, "ELASTICSEARCH_URL", None) else "database"
    if name == "database":
        from search.engines.database import DatabaseEngine

        return DatabaseEngine()
    if name == "elasticsearch":
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(**options)
    raise ValueError(f"unknown search engine {name!r}")


def get_fallback_engine() -> SearchEngine:
    """What answers when the main engine is unavailable: the database, always present."""
    return get_engine("database")


def indexing_engines() -> list[SearchEngine]:
    """Every engine the index updates go to: the database always (it is the fallback), and
    Elasticsearch when configured."""
    engines = [get_engine("database")]
    if getattr(settings, "ELASTICSEARCH_URL", None):
        engines.append(get_engine("elasticsearch"))
    return engines
