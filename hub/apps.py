from django.apps import AppConfig


class HubConfig(AppConfig):
    """The network itself: home, taxonomy, partners, collaboratives, permissions."""

    name = "hub"
    verbose_name = "Knowledge Hub"

    def ready(self):
        from . import caching

        caching.connect_signals()
