from django.apps import AppConfig


class HubConfig(AppConfig):
    """The network itself: home, taxonomy, partners, collaboratives, permissions."""

    name = "hub"
    verbose_name = "Knowledge Hub"

    def ready(self):
        # Registers the facet label resolvers of themes, partners, collaboratives and types.
        from . import documents  # noqa: F401
