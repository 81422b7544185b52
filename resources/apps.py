from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The curated toolkit: toolkits, topics, resources and learning nuggets."""

    name = "resources"

    def ready(self):
        from . import search_documents  # noqa: F401  (resources, topics, resource type labels)
