"""Settings for ``bench/relevance/run.py``: the hub's, on a database of the bench's own.

RELEVANCE_DATABASE_URL names the database (default a fresh SQLite file in bench/out/);
RELEVANCE_ELASTICSEARCH_URL, when set, makes Elasticsearch the engine (an osmem-server the
worker started), with the database kept for pages and the fallback.
"""

import os

import dj_database_url

from hub.settings.base import *  # noqa: F403
from hub.settings.base import BASE_DIR

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get(
            "RELEVANCE_DATABASE_URL",
            f"sqlite:///{BASE_DIR / 'bench' / 'out' / 'relevance.sqlite3'}",
        )
    )
}
ELASTICSEARCH_URL = os.environ.get("RELEVANCE_ELASTICSEARCH_URL") or None
SEARCH_INDEX_PREFIX = "relevance_"
if ELASTICSEARCH_URL:
    # osmem-server refuses the client's versioned media type (see tests/search/osmem.py).
    from tests.search.osmem import PlainJsonNode

    SEARCH_ENGINE_OPTIONS = {"node_class": PlainJsonNode, "request_timeout": 120}
# Wagtail's own (admin) search stays on the database: only the public search is measured.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PAGE_CACHE_ENABLED = False
AXES_ENABLED = False
WAGTAILADMIN_BASE_URL = "http://relevance.test"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Publish-time updates of Elasticsearch go through a client without the osmem transport
    # and are skipped with a warning per story; loading.rebuild_index fills the index after.
    "loggers": {"search.indexing": {"level": "ERROR"}},
}
