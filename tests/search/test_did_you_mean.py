"""A misspelt query is answered for the word the index has: the results are those of the
corrected query ("showing results for"), with a way back to the words as typed
(``as_typed=1``, which offers the correction as "did you mean"). Every engine keeps a
vocabulary: the database engine its ``IndexedWord`` table (SQLite and PostgreSQL alike),
Elasticsearch its term suggester on the unstemmed ``spell`` field."""

import re
from html import unescape

import pytest

from search.engines.database import DatabaseEngine

from .conftest import elasticsearch_engine
from .corpus import doc

MISSPELT = "facilitaton"


def documents():
    return [
        doc(1, "Facilitation of village committees", body="Facilitation took two years."),
        doc(2, "Training local facilitators", body="Facilitators met the district office."),
        doc(3, "Clean water for health posts", body="Water points near clinics."),
    ]


@pytest.fixture(params=["database", "elasticsearch"])
def engine_with_vocabulary(request, db, homes, settings):
    if request.param == "database":
        DatabaseEngine().rebuild(documents())
        return
    url = request.getfixturevalue("osmem_clone").url
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_NODE_CLASS = "search.engines.es_transport.PlainJsonNode"
    settings.SEARCH_INDEX_PREFIX = "test_"
    elasticsearch_engine(url).rebuild(documents())


def test_the_api_answers_for_the_corrected_query(client, engine_with_vocabulary):
    data = client.get("/api/search/", {"q": MISSPELT, "lang": "en"}).json()

    assert data["query"] == MISSPELT
    assert data["showing_results_for"] == "facilitation"
    assert data["suggestion"] is None
    assert {r["title"] for r in data["results"]} >= {"Facilitation of village committees"}
    assert data["total"] == len(data["results"]) > 0


def test_as_typed_searches_the_words_as_typed_and_offers_the_correction(
    client, engine_with_vocabulary
):
    data = client.get("/api/search/", {"q": MISSPELT, "lang": "en", "as_typed": "1"}).json()

    assert data["total"] == 0
    assert data["showing_results_for"] is None
    assert data["suggestion"] == "facilitation"


def test_a_misspelt_word_among_good_ones_is_corrected_only_when_it_helps(
    client, engine_with_vocabulary
):
    # "clean water" finds enough on its own: the unknown word is only offered as a suggestion.
    data = client.get("/api/search/", {"q": "clean water clinnics", "lang": "en"}).json()
    assert data["showing_results_for"] is None
    assert data["total"] >= 1

    found = client.get("/api/search/", {"q": "facilitation", "lang": "en"}).json()
    assert found["total"] > 0 and found["suggestion"] is None
    assert found["showing_results_for"] is None


def test_the_page_says_what_it_shows_and_links_to_the_words_as_typed(
    client, engine_with_vocabulary
):
    html = client.get("/en/search/", {"q": MISSPELT}).content.decode()

    assert "Facilitation of village committees" in html
    assert re.search(r"Showing results for\s*<[^>]+>facilitation<", html)
    link = re.search(r'href="([^"]*as_typed=1[^"]*)"', html)
    assert link, "no link to the search as typed"
    as_typed = client.get("/en/search/" + unescape(link[1])).content.decode()
    assert "Nothing matched your search." in as_typed
    assert "Did you mean" in as_typed
