from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Case stories and the lessons learned inside them."""

    name = "stories"

    def ready(self):
        from hub.public_pages import register_public_path

        from . import search_documents  # noqa: F401  (stories, lessons, their facet labels)

        register_public_path("storyindexpage-filtered", "/{lang}/stories/?country=BD&year=2024")
