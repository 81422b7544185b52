"""Search alerts: limits per client and per address, languages, expiry, the editors' report."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

import pytest

from search.alerts import limits
from search.alerts.models import FollowedSearch, Subscription
from tests.stories.conftest import network  # noqa: F401  (the small network fixture)

from .alerts_helpers import confirm, confirm_link, follow, path_of, run_digests

NEUTRAL = "If this address can receive alerts, we sent a confirmation link"
REPORT = "/admin/reports/followed-searches/"


@pytest.fixture
def partners(network):  # noqa: F811
    return network


def test_a_client_asking_too_often_is_told_to_wait(client, partners):
    for n in range(limits.CLIENT_REQUESTS_PER_HOUR):
        assert follow(client, f"reader{n}@example.org").status_code == 200

    refused = follow(client, "one.more@example.org")

    assert refused.status_code == 429
    assert "Try again in an hour" in refused.content.decode()
    assert len(mail.outbox) == limits.CLIENT_REQUESTS_PER_HOUR
    # Another client is not affected.
    assert follow(client, "other@example.org", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_an_address_gets_a_few_mails_a_day_and_the_same_page(client, partners):
    answers = [
        follow(client, "Reader@Example.org", search=f"q=hydrokiosk+{n}", REMOTE_ADDR=f"10.0.1.{n}")
        for n in range(limits.ADDRESS_MAILS_PER_DAY + 2)
    ]

    assert {a.status_code for a in answers} == {200}
    assert all(NEUTRAL in a.content.decode() for a in answers)
    assert len(mail.outbox) == limits.ADDRESS_MAILS_PER_DAY
    assert {m.to[0] for m in mail.outbox} == {"reader@example.org"}


def test_an_address_follows_a_bounded_number_of_searches(client, partners, monkeypatch):
    monkeypatch.setattr(limits, "ADDRESS_SUBSCRIPTIONS", 2)
    for n in range(3):
        follow(client, "reader@example.org", search=f"q=hydrokiosk+{n}")

    assert Subscription.objects.filter(email="reader@example.org").count() == 2
    assert len(mail.outbox) == 2


def test_french_visitors_get_french_pages_and_mails(client, partners, homes):
    answer = follow(client, "lecteur@example.org", search="q=eau", language="fr")

    assert "nous lui avons envoyé un lien de confirmation" in answer.content.decode()
    message = mail.outbox[0]
    assert message.subject == "Confirmez votre alerte de recherche · Knowledge Hub"
    assert "/fr/search/follow/confirm/" in message.body
    assert "Se désabonner" in message.alternatives[0][0]
    page = client.get(path_of(confirm_link(message))).content.decode()
    assert "Confirmez votre alerte de recherche" in page and "Chaque semaine" not in page


def test_a_confirmation_link_expires_and_unconfirmed_addresses_are_forgotten(client, partners):
    follow(client, "late@example.org")
    old = datetime.timedelta(days=8)
    Subscription.objects.update(
        confirm_sent_at=Subscription.objects.get().confirm_sent_at - old,
        created_at=Subscription.objects.get().created_at - old,
    )

    assert confirm(client, mail.outbox[0]).status_code == 404
    run_digests()
    assert not Subscription.objects.exists()


@pytest.fixture
def followers(client, partners):
    for email in ("a@example.org", "b@example.org"):
        follow(client, email, search="partner=alpha&q=hydrokiosk", frequency="weekly")
        confirm(client, mail.outbox[-1])
    follow(client, "pending@example.org", search="q=budget")  # never confirmed


def test_editors_see_counts_per_search_never_addresses(client, followers):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    assert REPORT in client.get("/admin/").content.decode()
    html = client.get(REPORT).content.decode()

    assert "Followed searches" in html
    assert "“hydrokiosk” · Partner: Alpha Budget Group" in html
    assert 'href="/en/search/?partner=alpha&amp;q=hydrokiosk"' in html
    assert "budget" not in html  # unconfirmed only: not a follower
    assert "@example.org" not in html.replace("editor@example.org", "")
    csv = client.get(REPORT, {"export": "csv"}).getvalue().decode()
    assert "partner=alpha&q=hydrokiosk" in csv and ",2,0,2" in csv
    assert FollowedSearch.objects.count() == 2
