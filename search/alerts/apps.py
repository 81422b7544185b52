from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Feeds and e-mail alerts of a search; reads the search through ``search.service``."""

    name = "search.alerts"
    label = "alerts"
    verbose_name = "Search alerts"
    default_auto_field = "django.db.models.BigAutoField"
