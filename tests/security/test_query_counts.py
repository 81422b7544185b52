"""Every public page type renders in a number of SQL queries that does not grow with content."""

import pytest

from hub.factories import (
    CollaborativeMemberFactory,
    PartnerProfilePageFactory,
)
from resources.factories import (
    NuggetPageFactory,
    NuggetSeriesItemFactory,
    NuggetSeriesPageFactory,
    ToolkitTopicPageFactory,
)
from tests.stories.conftest import make_story
from tests.support.queries import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def test_partner_page(client, site):
    def grow():
        for n in range(14):
            make_story(site["alpha"], f"Grown story {n}", slug=f"grown-{n}")

    assert_queries_do_not_grow(client, "/en/partners/alpha/", grow)


def test_collaborative_page(client, site):
    def grow():
        for n in range(13):
            partner = PartnerProfilePageFactory(parent=site["partner_index"], title=f"Member {n}")
            CollaborativeMemberFactory(collaborative=site["collaborative"], partner=partner)

    assert_queries_do_not_grow(client, "/en/collaboratives/open-budgets/", grow)


def test_story_index(client, site):
    def grow():
        for n in range(23):
            make_story(site["beta"], f"Index story {n}", slug=f"index-{n}")

    assert_queries_do_not_grow(client, "/en/stories/", grow)


def test_toolkit_page(client, site):
    def grow():
        for n in range(14):
            ToolkitTopicPageFactory(parent=site["toolkit"], slug=f"topic-{n}")

    assert_queries_do_not_grow(client, "/en/toolkit/", grow)


def test_topic_page(client, site):
    # A topic with neighbours renders previous/next links (one query more than a lone
    # topic); from there on, more siblings must cost nothing.
    ToolkitTopicPageFactory(parent=site["toolkit"], slug="before")
    site["toolkit"].get_children().get(slug="a-topic").move(site["toolkit"], "last-child")
    ToolkitTopicPageFactory(parent=site["toolkit"], slug="after")

    def grow():
        for n in range(10):
            ToolkitTopicPageFactory(parent=site["toolkit"], slug=f"sibling-{n}")

    assert_queries_do_not_grow(client, "/en/toolkit/a-topic/", grow)


def test_nugget_series(client, site):
    series = NuggetSeriesPageFactory(parent=site["resource_index"], slug="five-days")

    def add(n):
        nugget = NuggetPageFactory(parent=site["resource_index"], slug=f"day-{n}")
        NuggetSeriesItemFactory(series=series, nugget=nugget, sort_order=n)

    add(0)
    assert_queries_do_not_grow(
        client, "/en/resources/five-days/", lambda: [add(n) for n in range(1, 15)]
    )
