from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import onboard_partner_view
from .models import Theme
from .partners_onboarding import can_onboard
from .translation import permissions  # noqa: F401  (registers the translators hooks)
from .translation.views import REPORT_PERMISSION, translation_status


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("reports/translation-status/", translation_status, name="translation_status")]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="globe",
        order=700,
    )


@hooks.register("register_admin_urls")
def register_onboarding_url():
    return [path("partners/onboard/", onboard_partner_view, name="hub_onboard_partner")]


class OnboardPartnerMenuItem(MenuItem):
    def is_shown(self, request):
        return can_onboard(request.user)


@hooks.register("register_settings_menu_item")
def register_onboarding_menu_item():
    return OnboardPartnerMenuItem(
        _("Onboard a partner"), reverse("hub_onboard_partner"), icon_name="group", order=650
    )
