from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The public search: one document shape, engines behind one interface, page and API."""

    name = "search"
    label = "hubsearch"  # "search" reads as Wagtail's own search app in the admin and in migrations
    verbose_name = "Hub search"

    def ready(self):
        from search import signals

        signals.connect()
