"""Editors' list of partner accounts: who has set a password and signed in, whose invitation is
still pending, and a button that sends a pending invitation again (a new link: the old one
may have expired or been lost)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.auth import require_admin_access

from .invitations import needs_invitation, send_invitation
from .onboarding import PARTNER_GROUP_PREFIX, can_onboard


def partner_accounts():
    """Accounts in at least one partner group, with those groups."""
    partner_groups = Group.objects.filter(name__startswith=PARTNER_GROUP_PREFIX).order_by("name")
    return (
        get_user_model()
        .objects.filter(groups__name__startswith=PARTNER_GROUP_PREFIX)
        .distinct()
        .prefetch_related(Prefetch("groups", queryset=partner_groups, to_attr="partner_groups"))
        .order_by("email")
    )


def _partners(user) -> str:
    return ", ".join(group.name.removeprefix(PARTNER_GROUP_PREFIX) for group in user.partner_groups)


@require_admin_access
def partner_accounts_view(request):
    if not can_onboard(request.user):
        raise PermissionDenied
    rows = [
        {
            "user": user,
            "partners": _partners(user),
            "pending": needs_invitation(user),
        }
        for user in partner_accounts()
    ]
    return TemplateResponse(
        request,
        "network/admin/partner_accounts.html",
        {"rows": rows, "header_title": _("Partner accounts")},
    )


@require_admin_access
@require_POST
def resend_invitation_view(request, user_id: int):
    if not can_onboard(request.user):
        raise PermissionDenied
    # Partner accounts only: an editor cannot send links for an editor's or an admin's account.
    user = get_object_or_404(partner_accounts(), pk=user_id)
    if needs_invitation(user):
        send_invitation(user, _partners(user), request)
        messages.success(
            request, _("The invitation was sent again to %(email)s.") % {"email": user.email}
        )
    else:
        messages.warning(
            request,
            _("%(email)s has already set a password: “Forgotten password?” serves them now.")
            % {"email": user.email},
        )
    return redirect("hub_partner_accounts")
