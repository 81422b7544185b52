from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import onboard_partner_view
from .onboarding import can_onboard


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
