"""The story index: newest first, GET filters, notices for bad values, pagination, privacy."""

import datetime

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from stories.models.index import STORIES_PER_PAGE

from .conftest import make_story

pytestmark = pytest.mark.django_db


def titles(client, query=""):
    response = client.get(f"/en/stories/{query}")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    found = [a.get_text(strip=True) for a in html.select("main .story-card h3 a")]
    notices = [p.get_text(strip=True) for p in html.select("main .notice")]
    return found, notices


@pytest.fixture
def stories(network):
    alpha, beta = network["alpha"], network["beta"]
    dhaka = make_story(alpha, "Dhaka workshop", datetime.date(2024, 6, 13), countries=["BD"])
    dhaka.themes.add(network["education"])
    dhaka.collaborative = network["collaborative"]
    dhaka.save_revision().publish()
    nairobi = make_story(beta, "Nairobi cluster", datetime.date(2020, 3, 1), countries=["KE"])
    bogota = make_story(beta, "Bogotá data", datetime.date(2022, 5, 1), countries=["CO"])
    bogota.partners_involved.add(alpha)
    bogota.save_revision().publish()
    return {"dhaka": dhaka, "nairobi": nairobi, "bogota": bogota}


def test_lists_all_live_stories_newest_first(client, stories):
    assert titles(client) == (["Dhaka workshop", "Bogotá data", "Nairobi cluster"], [])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?country=BD", ["Dhaka workshop"]),
        ("?country=ke", ["Nairobi cluster"]),
        ("?region=019", ["Bogotá data"]),  # the Americas
        ("?region=002", ["Nairobi cluster"]),  # Africa
        ("?region=202", ["Nairobi cluster"]),  # Sub-Saharan Africa
        ("?region=419", ["Bogotá data"]),  # Latin America and the Caribbean
        ("?theme=education", ["Dhaka workshop"]),
        ("?partner=alpha", ["Dhaka workshop", "Bogotá data"]),  # publisher or involved
        ("?partner=beta", ["Bogotá data", "Nairobi cluster"]),
        ("?collaborative=open-budgets", ["Dhaka workshop"]),
        ("?year=2022", ["Bogotá data"]),
        ("?partner=beta&year=2020", ["Nairobi cluster"]),
    ],
)
def test_filters(client, stories, query, expected):
    assert titles(client, query) == (expected, [])


# A NUL character never reaches a filter: it gets a 400 (tests/hub/test_security.py).
@pytest.mark.parametrize(
    "query",
    ["?country=ZZ", "?region=999", "?theme=nope", "?partner=gamma", "?year=20x4", "?year=1066",
     "?collaborative=<script>"],
)  # fmt: skip
def test_unknown_filter_values_are_ignored_with_a_notice(client, stories, query):
    found, notices = titles(client, query)
    assert found == ["Dhaka workshop", "Bogotá data", "Nairobi cluster"]
    assert len(notices) == 1
    assert "ignored" in notices[0]


def test_pagination_and_bad_page_numbers(client, network):
    for n in range(STORIES_PER_PAGE + 2):
        make_story(network["alpha"], f"Story {n:02d}", datetime.date(2023, 1, 1 + n))
    first, _ = titles(client)
    second, _ = titles(client, "?page=2")
    assert len(first) == STORIES_PER_PAGE
    assert second == ["Story 01", "Story 00"]
    assert titles(client, "?page=99") == (
        first,
        ["That page of results does not exist: showing page 1."],
    )
    assert titles(client, "?page=abc")[0] == first


def test_drafts_and_private_stories_are_not_listed(client, stories, network):
    make_story(network["alpha"], "Secret draft", live=False)
    private = make_story(network["alpha"], "Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    found, _ = titles(client)
    assert "Secret draft" not in found
    assert "Members only" not in found
    assert len(found) == 3


def test_filter_form_works_without_javascript(client, stories):
    html = BeautifulSoup(client.get("/en/stories/?country=BD").content, "html.parser")
    form = html.select_one("form.filters")
    assert form["method"] == "get"
    country = form.select_one("select[name=country]")
    assert country.select_one("option[selected]")["value"] == "BD"
    assert {o["value"] for o in country.select("option")} == {"", "BD", "KE", "CO"}
    assert html.select_one('meta[name="robots"]')["content"].startswith("noindex")


def test_partner_filter_offers_only_partners_with_stories_and_counts(client, stories, network):
    from network.factories import PartnerProfilePageFactory

    PartnerProfilePageFactory(parent=network["partner_index"], title="Gamma", slug="gamma")
    html = BeautifulSoup(client.get("/en/stories/").content, "html.parser")
    options = [o.get_text(strip=True) for o in html.select("#filter-partner option")][1:]
    assert options == ["Alpha Budget Group (2)", "Beta Learning Lab (2)"]
