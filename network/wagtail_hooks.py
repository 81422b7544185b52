from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import onboard_partner_view
from .onboarding import can_onboard
from .partner_accounts import partner_accounts_view, resend_invitation_view


@hooks.register("register_admin_urls")
def register_onboarding_url():
    return [
        path("partners/onboard/", onboard_partner_view, name="hub_onboard_partner"),
        path("partners/accounts/", partner_accounts_view, name="hub_partner_accounts"),
        path(
            "partners/accounts/<int:user_id>/invite/",
            resend_invitation_view,
            name="hub_resend_invitation",
        ),
    ]


class OnboardPartnerMenuItem(MenuItem):
    def is_shown(self, request):
        return can_onboard(request.user)


@hooks.register("register_settings_menu_item")
def register_onboarding_menu_item():
    return OnboardPartnerMenuItem(
        _("Onboard a partner"), reverse("hub_onboard_partner"), icon_name="group", order=650
    )


@hooks.register("register_settings_menu_item")
def register_partner_accounts_menu_item():
    return OnboardPartnerMenuItem(
        _("Partner accounts"), reverse("hub_partner_accounts"), icon_name="user", order=651
    )
