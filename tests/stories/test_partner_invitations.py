"""A partner's way in: onboarding e-mails a one-time link to set a password, which expires;
"Forgotten password?" serves invited accounts too; editors see the accounts and send a pending
invitation again. A new profile stays a draft until an editor publishes it."""

import re
from io import StringIO
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from network.models import PartnerProfilePage

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/admin/password_reset/confirm/\S+/")


def onboard(name="Gamma Collective", email="g@example.org", on_commit=None):
    with on_commit(execute=True):
        call_command("onboard_partner", name, "--email", email, stdout=StringIO())


def link_in(message) -> str:
    (link,) = LINK.findall(message.body)
    return urlsplit(link).path


def set_password(client, link, password="a-Long-and-new-passphrase-9"):
    response = client.get(link)  # Django moves the token into the session, then redirects
    assert response.status_code == 302
    form_url = response.headers["Location"]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_onboarding_e_mails_a_one_time_link_that_ends_in_a_login(
    network, django_capture_on_commit_callbacks
):
    onboard(on_commit=django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == ["g@example.org"]
    assert "Gamma Collective" in message.body and "3 days" in message.body
    link = link_in(message)

    client = Client()
    assert set_password(client, link).status_code == 302
    assert Client().login(username="g@example.org", password="a-Long-and-new-passphrase-9")
    # The link worked once: the form is gone the second time.
    again = Client().get(link, follow=True)
    assert b"new_password1" not in again.content


@override_settings(PASSWORD_RESET_TIMEOUT=-1)  # every link is already past its time
def test_an_expired_link_offers_no_form(network, django_capture_on_commit_callbacks):
    onboard(on_commit=django_capture_on_commit_callbacks)
    response = Client().get(link_in(mail.outbox[0]), follow=True)
    assert b"new_password1" not in response.content
    user = get_user_model().objects.get(email="g@example.org")
    assert not user.has_usable_password()


def test_forgotten_password_serves_invited_accounts_and_tells_nobody_who_exists(
    network, django_capture_on_commit_callbacks
):
    onboard(on_commit=django_capture_on_commit_callbacks)
    mail.outbox.clear()
    url = reverse("wagtailadmin_password_reset")
    known = Client().post(url, {"email": "G@example.org"})
    (message,) = mail.outbox
    assert message.to == ["g@example.org"]
    unknown = Client().post(url, {"email": "nobody@example.org"})
    assert len(mail.outbox) == 1
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    assert set_password(Client(), link_in(message)).status_code == 302


def test_no_invitation_when_the_onboarding_fails(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CommandError):
        call_command(
            "onboard_partner", "Gamma", "--email", "g@example.org", "--locales", "xx",
            stdout=StringIO(),
        )  # fmt: skip
    assert mail.outbox == []
    assert not get_user_model().objects.filter(email="g@example.org").exists()


def test_the_new_profile_is_a_draft_until_an_editor_publishes_it(
    client, network, editor, django_capture_on_commit_callbacks
):
    onboard(on_commit=django_capture_on_commit_callbacks)
    profile = PartnerProfilePage.objects.get(title="Gamma Collective")
    assert client.get("/en/partners/gamma-collective/").status_code == 404
    index = client.get(network["partner_index"].url).content.decode()
    assert "Gamma Collective" not in index
    profile.get_latest_revision().publish(user=editor)
    assert client.get("/en/partners/gamma-collective/").status_code == 200


def accounts(client):
    soup = BeautifulSoup(client.get(reverse("hub_partner_accounts")).content, "html.parser")
    return {
        row["data-account"]: row.select_one("td[data-state]")["data-state"]
        for row in soup.select("tr[data-account]")
    }


def test_editors_see_partner_accounts_and_send_a_pending_invitation_again(
    client, network, editor, django_capture_on_commit_callbacks
):
    onboard(on_commit=django_capture_on_commit_callbacks)
    first = link_in(mail.outbox[0])
    client.force_login(editor)
    assert accounts(client) == {"g@example.org": "invited"}
    user = get_user_model().objects.get(email="g@example.org")
    response = client.post(reverse("hub_resend_invitation", args=[user.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["g@example.org"]
    assert set_password(Client(), link_in(mail.outbox[1])).status_code == 302
    assert accounts(client) == {"g@example.org": "active"}
    # Once the password is set, no invitation goes out and the first link is dead too.
    client.post(reverse("hub_resend_invitation", args=[user.pk]))
    assert len(mail.outbox) == 2
    assert b"new_password1" not in Client().get(first, follow=True).content


def test_only_partner_accounts_and_only_for_editors(
    client, network, editor, partner_users, django_capture_on_commit_callbacks
):
    client.force_login(partner_users["alpha"])
    assert client.get(reverse("hub_partner_accounts")).status_code in (302, 403)
    beta = partner_users["beta"]
    assert client.post(reverse("hub_resend_invitation", args=[beta.pk])).status_code in (302, 403)
    client.force_login(editor)
    # The editor's own account is not a partner account: no link can be sent for it.
    response = client.post(reverse("hub_resend_invitation", args=[editor.pk]))
    assert response.status_code != 200 and mail.outbox == []
    assert client.get(reverse("hub_resend_invitation", args=[beta.pk])).status_code == 405
    assert mail.outbox == []
