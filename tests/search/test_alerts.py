"""E-mail alerts of a search, from the visitor's side: follow, confirm, digests, unsubscribe."""

from django.core import mail
from django.test import Client

import pytest

from search.alerts.models import SentItem, Subscription
from tests.stories.conftest import network  # noqa: F401  (the small network fixture)

from .alerts_helpers import (
    SEARCH,
    confirm,
    confirm_link,
    follow,
    make_due,
    path_of,
    publish_story,
    run_digests,
    unsubscribe_link,
)

NEUTRAL = "If this address can receive alerts, we sent a confirmation link"


@pytest.fixture
def partners(network):  # noqa: F811
    return network


@pytest.fixture
def followed(client, partners, publish):
    """An older matching story, then a visitor follows "hydrokiosk" stories of partner Alpha."""
    publish_story(publish, partners["alpha"], "Hydrokiosk committees before", lessons=1)
    # The form needs no CSRF token (it sits on cacheable search pages).
    response = follow(Client(enforce_csrf_checks=True), "reader@example.org")
    assert response.status_code == 200
    assert NEUTRAL in response.content.decode()
    return mail.outbox[-1]


def test_the_search_page_offers_feeds_and_the_form(client, partners):
    response = client.get("/en/search/", {"q": "hydrokiosk", "partner": "alpha", "page": "1"})
    html = response.content.decode()
    # No CSRF token in the form: the search page stays cacheable.
    assert not response.cookies and "private" not in response.get("Cache-Control", "")
    assert "Follow this search" in html
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/search/feed/rss/?partner=alpha&amp;q=hydrokiosk"' in html
    assert 'href="/en/search/feed/atom/?partner=alpha&amp;q=hydrokiosk"' in html
    assert f'name="search" value="{SEARCH.replace("&", "&amp;")}"' in html
    assert 'action="/en/search/follow/"' in html


def test_nothing_but_the_confirmation_before_the_link_is_followed(
    client, followed, partners, publish
):
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    assert followed.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    publish_story(publish, partners["alpha"], "Hydrokiosk pumps repaired")
    # Opening the link (as a mail scanner does) shows a button and confirms nothing.
    page = client.get(path_of(confirm_link(followed)))
    assert page.status_code == 200 and "<button" in page.content.decode()
    make_due()

    assert run_digests() == []
    assert len(mail.outbox) == 1


def test_a_confirmed_alert_sends_each_new_matching_item_once(client, followed, partners, publish):
    assert "You follow this search" in confirm(client, followed).content.decode()
    publish_story(publish, partners["alpha"], "Hydrokiosk tariffs agreed", lessons=2)
    publish_story(publish, partners["beta"], "Hydrokiosk elsewhere")  # another partner: no match
    publish_story(publish, partners["alpha"], "Budget hearings")  # other words: no match
    assert run_digests() == []  # the first digest is due a day after confirming
    make_due()

    digests = run_digests()

    assert len(digests) == 1
    body = digests[0].body
    lines = [line for line in body.splitlines() if line.startswith("* ")]
    assert sorted(lines) == [
        "* Hydrokiosk tariffs agreed",
        "* Hydrokiosk tariffs agreed: lesson 1 (Hydrokiosk tariffs agreed)",
        "* Hydrokiosk tariffs agreed: lesson 2 (Hydrokiosk tariffs agreed)",
    ]
    assert "Hydrokiosk elsewhere" not in body and "committees before" not in body
    assert "http://testserver/en/search/?partner=alpha&q=hydrokiosk" in body
    html = digests[0].alternatives[0][0]
    assert "Hydrokiosk tariffs agreed: lesson 1" in html and "/unsubscribe/" in html
    # A rerun, even once the next digest is due, sends nothing twice.
    assert run_digests() == []
    make_due()
    assert run_digests() == []


def test_one_click_unsubscribe_from_the_header(followed, partners, publish):
    client = Client(enforce_csrf_checks=True)
    confirm(Client(), followed)
    header = followed.message()["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(">")

    response = client.post(
        path_of(header[1:-1]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not Subscription.objects.exists() and not SentItem.objects.exists()
    publish_story(publish, partners["alpha"], "Hydrokiosk after leaving")
    make_due()
    assert run_digests() == []


def test_unsubscribe_from_the_link_in_the_body(client, followed, partners, publish):
    confirm(client, followed)
    publish_story(publish, partners["alpha"], "Hydrokiosk meters")
    make_due()
    digest = run_digests()[0]
    path = path_of(unsubscribe_link(digest))

    page = client.get(path)
    assert page.status_code == 200 and "<button" in page.content.decode()
    assert Subscription.objects.exists()  # a GET changes nothing
    done = client.post(path)
    assert "Unsubscribed" in done.content.decode()
    assert "Unsubscribed" in client.post(path).content.decode()  # a second click too
    publish_story(publish, partners["alpha"], "Hydrokiosk after the link")
    make_due()
    assert run_digests() == []


def test_the_answer_says_nothing_about_the_address(client, followed, partners):
    confirm(client, followed)
    known = follow(client, "reader@example.org")
    unknown = follow(client, "stranger@example.org")

    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    # Each address got one e-mail; the subscribed one is told nothing changes.
    assert [m.to for m in mail.outbox[-2:]] == [["reader@example.org"], ["stranger@example.org"]]
    assert "already follows" in mail.outbox[-2].body
    assert "/follow/confirm/" not in mail.outbox[-2].body


def test_bad_links_and_parameters_answer_in_plain_words(client, partners):
    assert client.get("/en/search/follow/confirm/nothing/").status_code == 404
    assert client.get("/en/search/follow/unsubscribe/abc.def/").status_code == 404
    assert client.post("/en/search/follow/unsubscribe/abc.def/").status_code == 404
    bad = follow(client, "reader@example.org", search="page_size=0&bogus=1")
    assert bad.status_code == 400
    assert "bogus is not a search parameter" in bad.content.decode()
    no_address = follow(client, "not an address")
    assert no_address.status_code == 400 and "valid email" in no_address.content.decode()
    assert client.get("/en/search/follow/").status_code == 405
    assert mail.outbox == []
