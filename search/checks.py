"""System checks of the search configuration."""

from django.conf import settings
from django.core.checks import Error, register

from search.languages import analysis


@register()
def languages_have_analysis(app_configs=None, **kwargs):
    """Every language of ``settings.LANGUAGES`` must be one search can analyse: the engines
    would otherwise index its documents unstemmed (SQLite), fail to write them (PostgreSQL)
    or keep no index for them (Elasticsearch)."""
    return [
        Error(
            f"Search cannot analyse {name} ({code!r}): "
            "no stemmer, PostgreSQL text search configuration or Elasticsearch analysis is "
            "known for it.",
            hint=(
                "Add an entry for it to ANALYSES in search/languages.py (PyStemmer's algorithm, "
                "PostgreSQL's configuration and Elasticsearch's stemmer and stop words), or "
                "remove it from LANGUAGES."
            ),
            obj="settings.LANGUAGES",
            id="hubsearch.E001",
        )
        for code, name in settings.LANGUAGES
        if analysis(code) is None
    ]
