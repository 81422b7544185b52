"""The hub's own admin views, for every role: who may open them and who may act through them.
(Page and media actions are in test_permission_matrix.py.)"""

from django.core import mail
from django.urls import reverse

import pytest

from network.models import PartnerProfilePage

from .test_permission_matrix import ROLES

pytestmark = pytest.mark.django_db
Y, N = True, False

#                                     anonymous partner_a partner_b translator editor admin
MATRIX = {
    "onboard_partner":                (N, N, N, N, Y, Y),
    "list_partner_accounts":          (N, N, N, N, Y, Y),
    "resend_invitation":              (N, N, N, N, Y, Y),
    "translation_status":             (N, N, N, Y, Y, Y),
    "followed_searches_report":       (N, N, N, N, Y, Y),
}  # fmt: skip


def act(client, action, users):
    """Do ``action``; True when it took effect (a page shown, a partner made, a mail sent)."""
    if action == "onboard_partner":
        client.post(reverse("hub_onboard_partner"), {"name": "Omega", "organisation_type": "cso"})
        return PartnerProfilePage.objects.filter(title="Omega").exists()
    if action == "resend_invitation":
        invited = users["partner_b"]
        invited.set_unusable_password()
        invited.save()
        client.post(reverse("hub_resend_invitation", args=[invited.pk]))
        return [m.to for m in mail.outbox] == [[invited.email]]
    url = {
        "list_partner_accounts": reverse("hub_partner_accounts"),
        "translation_status": reverse("translation_status"),
        "followed_searches_report": reverse("alerts_followed_searches"),
    }[action]
    return client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("action", "role", "allowed"),
    [
        pytest.param(action, role, allowed, id=f"{action}-{role}")
        for action, row in MATRIX.items()
        for role, allowed in zip(ROLES, row, strict=True)
    ],
)
def test_admin_views_matrix(action, role, allowed, users, login):
    assert act(login(role), action, users) is allowed
