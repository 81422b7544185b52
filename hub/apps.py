from django.apps import AppConfig


class HubConfig(AppConfig):
    """The project and what every app shares: settings, the base page, home, themes and
    regions, caching, middleware, media permissions, translation permissions."""

    name = "hub"
    verbose_name = "Knowledge Hub"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import caching, content_version, search_documents  # noqa: F401  (theme labels)
        from .public_url import follow_public_url

        content_version.connect_signals()
        from . import renditions

        renditions.connect()
        # Copies made for a translation stay offline until translated and published.
        from .translation import untranslated_copies

        untranslated_copies.connect()
        post_migrate.connect(follow_public_url, sender=self)
