from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Case stories and the lessons learned inside them."""

    name = "stories"

    def ready(self):
        from hub.sample_urls import register_sample_path

        from . import search_documents  # noqa: F401  (stories, lessons, their facet labels)

        register_sample_path("storyindexpage-filtered", "/{lang}/stories/?country=BD&year=2024")
