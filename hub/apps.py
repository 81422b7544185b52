from django.apps import AppConfig


class HubConfig(AppConfig):
    """The network itself: home, taxonomy, partners, collaboratives, permissions."""

    name = "hub"
    verbose_name = "Knowledge Hub"

    def ready(self):
        # Registers the facet label resolvers of themes, partners, collaboratives and types.
        from django.db.models.signals import post_migrate, post_save

        from . import caching, content_version, documents  # noqa: F401
        from .models import PartnerProfilePage
        from .partners_onboarding import follow_profile_translations
        from .public_url import follow_public_url

        post_save.connect(follow_profile_translations, sender=PartnerProfilePage)

        content_version.connect_signals()
        # Copies made for a translation stay offline until translated and published.
        from .translation import untranslated_copies

        untranslated_copies.connect()
        post_migrate.connect(follow_public_url, sender=self)
