"""Settings for ``bench/search_bench.py``: the hub's, plus the ``bench`` app, on a database
of the bench's own (BENCH_DATABASE_URL, default an SQLite file in bench/out/)."""

import os

import dj_database_url

from hub.settings.base import *  # noqa: F403
from hub.settings.base import BASE_DIR, INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{BASE_DIR / 'bench' / 'out' / 'bench.sqlite3'}"
        )
    )
}
ELASTICSEARCH_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
