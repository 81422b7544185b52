from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Case stories and the lessons learned inside them."""

    name = "stories"

    def ready(self):
        from hub.sample_urls import register_sample_path

        from . import search_documents  # noqa: F401  (stories, lessons, their facet labels)

        register_sample_path("storyindexpage-filtered", "/{lang}/stories/?country=BD&year=2024")

        from search import openapi

        # /api/lessons/ joins the API's OpenAPI document (/api/schema/).
        if "stories.dataset.openapi" not in openapi.FRAGMENTS:
            openapi.FRAGMENTS.append("stories.dataset.openapi")
