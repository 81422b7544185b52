"""RSS and Atom feeds of any search: the page's parameters, newest first, matching items only."""

import feedparser
import pytest

from search.engines.database import DatabaseEngine

from .corpus import corpus


@pytest.fixture
def indexed(db):
    documents = corpus()
    DatabaseEngine().rebuild(documents)
    return {f"http://testserver{doc.url}": doc for doc in documents}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_faceted_feed_lists_only_matching_items_newest_first(client, indexed, kind):
    response = client.get(f"/en/search/feed/{kind}/", {"country": "KE", "kind": "lesson"})

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    found = [indexed[entry.link] for entry in feed.entries]
    assert found, "the corpus has Kenyan lessons"
    assert all("KE" in doc.countries and doc.kind == "lesson" for doc in found)
    expected = sorted(
        (d for d in indexed.values() if "KE" in d.countries and d.kind == "lesson"),
        key=lambda d: d.date,
        reverse=True,
    )
    # One per translation group (the visitor's language first), as on the page.
    assert [d.date for d in found] == sorted((d.date for d in found), reverse=True)
    assert {d.translation_key or d.id for d in found} == {
        d.translation_key or d.id for d in expected
    }
    assert "Country: Kenya" in feed.feed.title
    assert feed.feed.link == "http://testserver/en/search/?country=KE&kind=lesson"


def test_a_feed_of_words_follows_the_search(client, indexed):
    feed = feedparser.parse(client.get("/en/search/feed/rss/", {"q": "committees"}).content)

    titles = [entry.title for entry in feed.entries]
    assert "Facilitation of village committees" in titles
    for entry in feed.entries:
        assert "committee" in (entry.title + indexed[entry.link].body).lower()


def test_the_feed_is_in_the_language_of_its_address(client, indexed):
    feed = feedparser.parse(client.get("/fr/search/feed/atom/", {"country": "KE"}).content)

    assert feed.feed.title.startswith("Recherche : ") and "Pays: Kenya" in feed.feed.title
    assert feed.feed.link.startswith("http://testserver/fr/search/")


@pytest.mark.parametrize(
    "query", [{"bogus": "1"}, {"page_size": "0"}, {"lang": "xx"}, {"sort": "oldest"}]
)
def test_bad_parameters_answer_400_in_plain_words(client, indexed, query):
    response = client.get("/en/search/feed/rss/", query)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().strip()
