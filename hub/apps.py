from django.apps import AppConfig


class HubConfig(AppConfig):
    """The network itself: home, taxonomy, partners, collaboratives, permissions."""

    name = "hub"
    verbose_name = "Knowledge Hub"
