"""Feeds and the sitemap carry only live, public stories."""

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from .conftest import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(network):
    public = make_story(network["alpha"], "Public story", collaborative=network["collaborative"])
    public.themes.add(network["education"])
    public.save_revision().publish()
    draft = make_story(network["alpha"], "Draft story", live=False)
    draft.themes.add(network["education"])
    private = make_story(network["alpha"], "Private story")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    other = make_story(network["beta"], "Beta story")
    return {"public": public, "draft": draft, "private": private, "other": other}


FEEDS = {
    "/en/feeds/stories/rss/": ["Public story", "Beta story"],
    "/en/feeds/stories/atom/": ["Public story", "Beta story"],
    "/en/feeds/stories/partner/alpha/rss/": ["Public story"],
    "/en/feeds/stories/partner/beta/atom/": ["Beta story"],
    "/en/feeds/stories/collaborative/open-budgets/rss/": ["Public story"],
    "/en/feeds/stories/theme/education/atom/": ["Public story"],
}


def test_feeds_list_only_live_public_stories(client, mixed):
    for url, expected in FEEDS.items():
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, url
        assert sorted(entry.title for entry in feed.entries) == sorted(expected), url


@pytest.mark.parametrize(
    "url",
    [
        "/en/feeds/stories/partner/nobody/rss/",
        "/en/feeds/stories/collaborative/nothing/atom/",
        "/en/feeds/stories/theme/unknown/rss/",
    ],
)
def test_unknown_feed_subjects_are_404(client, network, url):
    assert client.get(url).status_code == 404


def test_sitemap_has_no_drafts_or_private_pages(client, mixed):
    xml = client.get("/sitemap.xml").content.decode()
    assert mixed["public"].slug in xml
    assert mixed["other"].slug in xml
    assert mixed["draft"].slug not in xml
    assert mixed["private"].slug not in xml
