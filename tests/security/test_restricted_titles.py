"""Titles of restricted pages are named nowhere public: not as facet labels (search page and
API), active-filter chips, filter options, nor beside a public page that points to them.
A restricted page's slug is an unknown filter value, ignored with the usual notice. A theme
that only a restricted page carries is offered nowhere (themes themselves are a public list:
asked for by slug, a theme is named)."""

from wagtail.models import PageViewRestriction

import pytest

from hub.factories import ThemeFactory
from network.factories import (
    CollaborativeMemberFactory,
    LearningCollaborativePageFactory,
    PartnerProfilePageFactory,
)
from resources.factories import ResourcePageFactory
from search.engines import get_engine
from search.indexing import all_documents
from tests.stories.conftest import make_story

pytestmark = pytest.mark.django_db

PARTNER = "Quillbark Restricted Partner"
COLLABORATIVE = "Quillbark Hidden Circle"
THEME = "Quillbark Theme"
SECRETS = (PARTNER, COLLABORATIVE, THEME)


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def restricted(site):
    """A restricted partner and collaborative that public pages point to, and a restricted
    story that alone carries a theme."""
    partner = PartnerProfilePageFactory(parent=site["partner_index"], title=PARTNER, slug="qb")
    circle = LearningCollaborativePageFactory(
        parent=site["collaborative_index"], title=COLLABORATIVE, slug="hidden-circle"
    )
    restrict(partner)
    restrict(circle)
    story = make_story(site["alpha"], "Open story", slug="open-story", collaborative=circle)
    story.partners_involved.add(partner)
    story.save()
    # The public collaborative names the restricted partner as host and member.
    together = site["collaborative"]
    together.host_partner = partner
    together.save()
    CollaborativeMemberFactory(collaborative=together, partner=partner)
    ResourcePageFactory(parent=site["resource_index"], slug="by-qb", publisher=partner)
    themed = make_story(site["alpha"], "Members-only story", slug="members-only")
    themed.themes.add(ThemeFactory(name=THEME, slug="quillbark"))
    themed.save()
    restrict(themed)
    get_engine().rebuild(all_documents())
    return site


def assert_unnamed(response, secrets=SECRETS):
    assert response.status_code == 200
    body = response.content.decode()
    for secret in secrets:
        assert secret not in body


@pytest.mark.parametrize(
    "url",
    [
        "/en/stories/?collaborative=hidden-circle",
        "/en/stories/?partner=qb",
        "/en/search/?partner=qb",
        "/en/search/?collaborative=hidden-circle",
    ],
)
def test_a_restricted_slug_is_an_unknown_filter(client, restricted, url):
    response = client.get(url)
    assert_unnamed(response)
    assert "was ignored" in response.content.decode()


def test_the_api_names_no_restricted_page(client, restricted):
    response = client.get("/api/search/?q=open&partner=qb&collaborative=hidden-circle")
    assert_unnamed(response)
    data = response.json()
    assert len(data["warnings"]) == 2
    assert data["total"] >= 1
    for facet in ("partner", "collaborative"):
        values = {item["value"] for item in data["facets"][facet]}
        assert values.isdisjoint({"qb", "hidden-circle"}), facet
    assert "quillbark" not in {item["value"] for item in data["facets"]["theme"]}


@pytest.mark.parametrize(
    "url",
    [
        "/en/stories/",
        "/en/search/",
        "/en/search/?q=open",
        "/en/resources/",
        "/en/resources/by-qb/",
        "/en/collaboratives/open-budgets/",
        "/en/partners/alpha/open-story/",
        "/en/partners/",
    ],
)
def test_public_pages_name_no_restricted_page(client, restricted, url):
    # The resource filters offer every theme of the taxonomy, used or not.
    secrets = (PARTNER, COLLABORATIVE) if url == "/en/resources/" else SECRETS
    assert_unnamed(client.get(url), secrets)


def test_a_public_partner_stays_a_known_filter(client, restricted):
    response = client.get("/en/stories/?partner=alpha")
    assert "was ignored" not in response.content.decode()
    assert "Alpha Budget Group" in response.content.decode()
