from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The curated toolkit: toolkits, topics, resources and learning nuggets."""

    name = "resources"
