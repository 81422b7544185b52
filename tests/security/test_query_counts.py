"""Every public page type renders in a number of SQL queries that does not grow with content."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from hub.factories import ThemeFactory
from network.factories import CollaborativeMemberFactory, PartnerProfilePageFactory
from resources.factories import (
    NuggetPageFactory,
    NuggetSeriesItemFactory,
    NuggetSeriesPageFactory,
    ToolkitTopicPageFactory,
)
from stories.factories import LessonFactory
from stories.models import CaseStoryPage
from tests.stories.conftest import make_story
from tests.support.queries import assert_max_queries, assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

# The page most visitors land on (from search and shared links): a warm render of a case
# story, with everything it can show, stays within this many queries.
STORY_PAGE_QUERIES = 12


def test_story_page(client, site, homes):
    story = make_story(
        site["alpha"],
        "Full story",
        slug="full-story",
        collaborative=site["collaborative"],
        hero_image=wagtail_factories.ImageFactory(),
        hero_image_alt="People around a table",
        countries=["BD", "KE"],
    )
    story.themes.set([site["education"]])
    story.partners_involved.set([site["beta"]])
    story.tags.add("budgets")
    story.save_revision().publish()
    url = "/en/partners/alpha/full-story/"
    assert_max_queries(client, url, STORY_PAGE_QUERIES)

    def grow():
        full = CaseStoryPage.objects.get(pk=story.pk)
        for n in range(10):
            LessonFactory(story=full, themes=["education", f"extra-{n % 3}"])
        themes = [ThemeFactory(name=f"Extra {n}", slug=f"extra-{n}") for n in range(3)]
        full.themes.add(*themes)
        involved = [
            PartnerProfilePageFactory(parent=site["partner_index"], title=f"Involved {n}")
            for n in range(5)
        ]
        full.partners_involved.add(*involved)
        full.tags.add(*[f"tag {n}" for n in range(5)])
        full.save_revision().publish()
        for n in range(5):  # more stories of the same partner and collaborative
            make_story(site["alpha"], f"Neighbour {n}", collaborative=site["collaborative"])
        for code in ("fr", "es"):
            full.copy_for_translation(site["locales"][code], copy_parents=True)
            full.get_translation(site["locales"][code]).save_revision().publish()

    assert_queries_do_not_grow(client, url, grow)
    html = BeautifulSoup(client.get(url).content, "html.parser")
    assert len(html.select("article.lesson")) == 11
    assert len(html.select(".language-switcher a")) == 3
    assert "Involved 4" in html.select_one(".story-facts").get_text()  # key facts
    assert_max_queries(client, "/fr/partners/alpha/full-story/", STORY_PAGE_QUERIES)


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
    # A topic with neighbours renders previous/next links (numbered, so their numbers are
    # measured too); more siblings must cost nothing.
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
