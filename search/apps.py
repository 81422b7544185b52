from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The public search: one document shape, engines behind one interface, page and API."""

    name = "search"
    label = "hubsearch"  # "search" reads as Wagtail's own search app in the admin and in migrations
    verbose_name = "Hub search"

    def ready(self):
        from hub.sample_urls import register_sample_path
        from search import signals

        signals.connect()
        # The search page as visitors meet it, with results and with none, in every check.
        register_sample_path("search", "/{lang}/search/?q=facilitation")
        register_sample_path("search-no-results", "/{lang}/search/?q=qxzvjw")
