from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def prepare_languages(using, apps, **kwargs):
    """What the database needs for every configured language (PostgreSQL: a text search
    configuration each), at every ``migrate``: adding a language needs no migration."""
    from search.engines.database import dialect_for

    try:
        apps.get_model("hubsearch", "IndexedDocument")
    except LookupError:  # the search tables are not (or no longer) migrated
        return
    connection = connections[using]
    if connection.vendor in ("sqlite", "postgresql"):
        with connection.cursor() as cursor:
            dialect_for(connection.vendor).prepare(cursor)


class SearchConfig(AppConfig):
    """The public search: one document shape, engines behind one interface, page and API."""

    name = "search"
    label = "hubsearch"  # "search" reads as Wagtail's own search app in the admin and in migrations
    verbose_name = "Hub search"

    def ready(self):
        from hub.sample_urls import register_sample_path
        from search import checks, signals  # noqa: F401  (checks register on import)

        signals.connect()
        post_migrate.connect(prepare_languages, sender=self)
        # The search page as visitors meet it, with results and with none, in every check.
        register_sample_path("search", "/{lang}/search/?q=facilitation")
        register_sample_path("search-no-results", "/{lang}/search/?q=qxzvjw")
