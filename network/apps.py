from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """The network's content: partner profiles, learning collaboratives, onboarding, the
    editorial groups and workflow."""

    name = "network"
    verbose_name = "Network"

    def ready(self):
        from django.db.models.signals import post_save

        from . import search_documents  # noqa: F401  (partner, collaborative and type labels)
        from .models import PartnerProfilePage
        from .onboarding import follow_profile_translations

        post_save.connect(follow_profile_translations, sender=PartnerProfilePage)
