"""Partner profiles and learning collaboratives as visitors see them."""

import json

from django.core.exceptions import ValidationError

from wagtail.models import PageViewRestriction

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from network.factories import CollaborativeActivityFactory
from tests.stories.conftest import make_story

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_partner_page_lists_published_stories_and_collaboratives_with_role(client, network):
    make_story(network["alpha"], "Alpha live story")
    make_story(network["alpha"], "Alpha draft story", live=False)
    private = make_story(network["alpha"], "Alpha private story")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_story(network["beta"], "Beta story")
    html = page(client, network["alpha"].url)
    stories = [a.get_text(strip=True) for a in html.select("#partner-stories ~ ul .card h3 a")]
    assert stories == ["Alpha live story"]
    memberships = [li.get_text(" ", strip=True) for li in html.select(".memberships li")]
    assert memberships == ["Open Budgets Collaborative : Funder"]
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Organization"
    assert data["name"] == "Alpha Budget Group"
    assert data["areaServed"] == ["BD"]


def test_private_collaborative_is_not_shown_on_partner_page(client, network):
    PageViewRestriction.objects.create(page=network["collaborative"], restriction_type="login")
    html = page(client, network["alpha"].url)
    assert html.select(".memberships li") == []


def test_partner_index_lists_live_partners_only(client, network):
    network["beta"].unpublish()
    names = [a.get_text(strip=True) for a in page(client, "/en/partners/").select(".card h2 a")]
    assert names == ["Alpha Budget Group"]


def test_logo_needs_alt_text(network):
    partner = network["alpha"]
    partner.logo = wagtail_factories.ImageFactory()
    partner.logo_alt = ""
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "logo_alt" in error.value.message_dict


def test_collaborative_countries_come_from_members_unless_set(client, network):
    collaborative = network["collaborative"]
    assert collaborative.country_codes() == ["BD", "CO", "KE"]
    collaborative.countries = ["GT"]
    collaborative.save_revision().publish()
    assert collaborative.country_codes() == ["GT"]


def test_collaborative_page_shows_members_activities_and_stories(client, network):
    collaborative = network["collaborative"]
    CollaborativeActivityFactory(
        collaborative=collaborative, title="Dhaka workshop", place="Dhaka", languages="Bangla"
    )
    make_story(network["beta"], "Cluster story", collaborative=collaborative)
    html = page(client, collaborative.url)
    members = [li.get_text(" ", strip=True) for li in html.select(".members li")]
    assert members == ["Alpha Budget Group : Funder", "Beta Learning Lab : Learning hub"]
    activity = html.select_one(".activities li")
    assert "Dhaka workshop" in activity.get_text()
    assert "In person" in activity.get_text()
    assert [a.get_text(strip=True) for a in html.select(".story-card h3 a")] == ["Cluster story"]
    facts = html.select_one("dl.facts").get_text(" ", strip=True)
    assert "Bangladesh" in facts and "Kenya" in facts and "Colombia" in facts


def test_collaborative_end_date_cannot_precede_start(network):
    import datetime

    collaborative = network["collaborative"]
    collaborative.start_date = datetime.date(2024, 1, 1)
    collaborative.end_date = datetime.date(2023, 1, 1)
    with pytest.raises(ValidationError):
        collaborative.full_clean()
