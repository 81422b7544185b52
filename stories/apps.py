from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Case stories and the lessons learned inside them."""

    name = "stories"

    def ready(self):
        # Registers the facet label resolvers of lesson kinds and audiences.
        from hub.public_pages import register_public_path

        from . import labels  # noqa: F401

        register_public_path("storyindexpage-filtered", "/{lang}/stories/?country=BD&year=2024")
