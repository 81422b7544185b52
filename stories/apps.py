from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Case stories and the lessons learned inside them."""

    name = "stories"

    def ready(self):
        # Registers the facet label resolvers of lesson kinds and audiences.
        from . import labels  # noqa: F401
