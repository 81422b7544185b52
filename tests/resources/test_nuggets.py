"""Learning nugget series: day order, "next nugget" links, the RSS feed."""

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from resources.factories import (
    NuggetPageFactory,
    NuggetSeriesItemFactory,
    NuggetSeriesPageFactory,
)

from .conftest import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(resource_index):
    series = NuggetSeriesPageFactory(parent=resource_index, slug="five-days")
    for number, title in enumerate(["Purpose", "Interaction", "Languages"]):
        nugget = NuggetPageFactory(parent=resource_index, title=title, slug=title.lower())
        NuggetSeriesItemFactory(series=series, nugget=nugget, sort_order=number)
    return series


def test_series_page_lists_days_in_order(client, series):
    soup = soup_of(client.get(series.url))
    days = [" ".join(a.get_text(" ", strip=True).split()) for a in soup.select(".resource-days a")]
    assert days == ["Day 1: Purpose", "Day 2: Interaction", "Day 3: Languages"]
    feed_link = soup.select_one('link[type="application/rss+xml"]')["href"]
    assert feed_link == f"{series.url}feed/"


def test_each_nugget_links_to_the_next(client, series):
    soup = soup_of(client.get("/en/resources/interaction/"))
    assert "Day 2 of 3" in soup.select_one(".resource-type").get_text()
    assert soup.select_one("a[rel=prev]")["href"] == "/en/resources/purpose/"
    assert soup.select_one("a[rel=next]")["href"] == "/en/resources/languages/"
    assert soup.select_one(".resource-reflection p").get_text(strip=True) == (
        "What will you try at your next meeting?"
    )
    last = soup_of(client.get("/en/resources/languages/"))
    assert last.select_one("a[rel=next]") is None


def test_a_nugget_without_series_stands_alone(client, resource_index):
    nugget = NuggetPageFactory(parent=resource_index, title="Alone")
    soup = soup_of(client.get(nugget.url))
    assert soup.select_one(".resource-pager") is None
    assert soup.select_one(".resource-nugget-body").get_text(strip=True)


def test_feed_lists_live_public_nuggets_in_day_order(client, series, resource_index):
    draft = NuggetPageFactory(parent=resource_index, title="Draft", live=False)
    NuggetSeriesItemFactory(series=series, nugget=draft, sort_order=10)
    private = NuggetPageFactory(parent=resource_index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    NuggetSeriesItemFactory(series=series, nugget=private, sort_order=11)

    response = client.get(f"{series.url}feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.feed.title == series.title
    assert [entry.title for entry in feed.entries] == [
        "Day 1: Purpose",
        "Day 2: Interaction",
        "Day 3: Languages",
    ]
    assert feed.entries[0].link == "http://testserver/en/resources/purpose/"
    assert feed.entries[0].id == feed.entries[0].link  # the guid is the link, same host
    assert feed.feed.language == "en"
    assert "What will you try" in feed.entries[0].summary


def test_a_private_series_is_not_linked_from_its_nuggets(client, series):
    PageViewRestriction.objects.create(page=series, restriction_type="login")
    soup = soup_of(client.get("/en/resources/interaction/"))
    assert soup.select_one(".resource-pager") is None
    assert client.get(f"{series.url}feed/").status_code == 302
