from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Case stories and the lessons learned inside them."""

    name = "stories"

    def ready(self):
        # Registers the facet label resolvers of lesson kinds and audiences.
        from hub.sample_urls import register_sample_path

        from . import labels  # noqa: F401

        register_sample_path("storyindexpage-filtered", "/{lang}/stories/?country=BD&year=2024")
