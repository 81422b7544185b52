from django.apps import AppConfig


class HubConfig(AppConfig):
    """The project and what every app shares: settings, the base page, home, themes and
    regions, caching, middleware, media permissions, translation permissions."""

    name = "hub"
    verbose_name = "Knowledge Hub"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import caching, search_documents  # noqa: F401  (the theme label resolver)
        from .public_url import follow_public_url

        caching.connect_signals()
        post_migrate.connect(follow_public_url, sender=self)
