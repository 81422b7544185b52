"""The admin dashboard: a partner starts from "Write a case story" and sees its own pages by
state and what lacks a translation; editors see the latest stories and failed searches."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from search.models import ZeroResultQuery

from .conftest import make_story

pytestmark = pytest.mark.django_db


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed(soup, name) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(f'[data-list="{name}"] li')]


@pytest.fixture
def pages(network, homes, partner_users):
    """Partner Alpha: a published story, a draft, a story in review; Beta: a draft."""
    alpha, user = network["alpha"], partner_users["alpha"]
    make_story(alpha, "Published hearing")
    draft = make_story(alpha, "Draft hearing")
    draft.unpublish()
    review = make_story(alpha, "Reviewed hearing")
    review.unpublish()
    review.save_revision(user=user)
    review.get_workflow().start(review, user)
    other = make_story(network["beta"], "Beta draft")
    other.unpublish()


def test_a_partner_starts_from_writing_a_story_and_sees_its_pages_by_state(
    client, network, partner_users, pages
):
    client.force_login(partner_users["alpha"])
    soup = dashboard(client)
    assert "localhost" not in soup.select_one("h1").get_text()
    write = soup.select_one('a[data-action="write-story"]')
    assert write.get_text(strip=True) == "Write a case story"
    assert client.get(write["href"]).status_code == 200  # the add form below its profile
    assert str(network["alpha"].pk) in write["href"]
    assert listed(soup, "drafts") == ["Draft hearing"]
    assert listed(soup, "in_review") == ["Reviewed hearing"]
    assert listed(soup, "published") == ["Published hearing"]
    untranslated = listed(soup, "untranslated")
    assert "Alpha Budget Group: missing in fr, es" in untranslated
    assert "Published hearing: missing in fr, es" in untranslated
    assert "Beta draft" not in soup.get_text()
    assert soup.select_one("#hub-editor") is None


def test_editors_see_latest_stories_and_searches_with_no_results(client, editor, pages):
    ZeroResultQuery.record("participatory budgetting", "en")
    client.force_login(editor)
    soup = dashboard(client)
    assert listed(soup, "stories")[0].startswith("Published hearing")
    assert listed(soup, "zero_results") == ["“participatory budgetting” (en): 1 search"]
    assert soup.select_one("#hub-partner") is None


def test_the_partner_dashboard_costs_the_same_with_more_pages(client, network, partner_users):
    client.force_login(partner_users["alpha"])
    make_story(network["alpha"], "One")
    dashboard(client)
    with CaptureQueriesContext(connection) as few:
        dashboard(client)
    for n in range(6):
        make_story(network["alpha"], f"More {n}")
    with CaptureQueriesContext(connection) as many:
        dashboard(client)
    assert len(many) == len(few)
