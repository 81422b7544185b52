"""The demo content committed once for a group of tests, then taken away again.

Loading the demo network takes seconds (pages, revisions, translations, the search index),
so modules whose tests only look at it load it once: the content is committed outside the
tests' transactions, each test still runs in its own rolled-back transaction on top of it,
and the teardown puts the database back exactly as the migrations left it (the way Django's
serialized rollback does), so no other test sees the demo content.
"""

import contextlib
from io import StringIO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test.utils import override_settings

import pytest

DEMO_ADMIN_PASSWORD = "a-long-demo-password"


def ensure_base_site():
    """What the migrations create (locale, root, home page, default site), if it is gone:
    transactional tests that ran before leave an empty database."""
    from wagtail.models import Locale, Page, Site

    from hub.models import HomePage

    english, _ = Locale.objects.get_or_create(language_code="en")
    if Site.objects.filter(is_default_site=True).exists():
        return
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=english)
    home = root.add_child(instance=HomePage(title="Knowledge Hub", slug="home", locale=english))
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)


def reset_sequences():
    """Restored rows keep their ids; PostgreSQL's sequences must move past them (as
    ``loaddata`` does), or the next insert collides with a restored row."""
    models = list(apps.get_models(include_auto_created=True))
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@contextlib.contextmanager
def committed(django_db_blocker, load, **settings):
    """Commit what ``load()`` writes for the duration of the block (with ``settings``
    overridden), then put the database back as the migrations left it."""
    with django_db_blocker.unblock(), override_settings(**settings):
        migrated = connection.creation.serialize_db_to_string()
        ensure_base_site()
        load()
        try:
            yield
        finally:
            # The search index first: flush empties the tables of models only, and SQLite's
            # full-text table would keep the demo's rows under ids later tests reuse.
            from search.engines.database import DatabaseEngine

            DatabaseEngine().rebuild([])
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(migrated)
            reset_sequences()
            # Cached site roots, settings and pages of the demo would outlive its rows, and
            # content types made meanwhile are gone: their ids will name other models.
            for cache in caches.all():
                cache.clear()
            ContentType.objects.clear_cache()


@contextlib.contextmanager
def committed_demo(django_db_blocker, **settings):
    """Load the demo content for the duration of the block (with ``settings`` overridden)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HUB_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD)
        load = lambda: call_command("load_demo_content", stdout=StringIO())  # noqa: E731
        with committed(django_db_blocker, load, **settings):
            yield
