"""A misspelt query that finds nothing offers the word the index has, on the page (a link to
the corrected search) and in the API (``suggestion``), on the engines that keep a vocabulary:
SQLite's FTS5 vocabulary table and Elasticsearch's term suggester on the unstemmed ``spell``
field (see ``search/engines/``)."""

import re
from html import unescape

from django.db import connection

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
        if connection.vendor == "postgresql":
            pytest.skip(
                "The database engine on PostgreSQL keeps no vocabulary of indexed words (its "
                "tsvectors hold stems only), so it has no did-you-mean suggestion."
            )
        DatabaseEngine().rebuild(documents())
        return
    url = request.getfixturevalue("osmem_clone").url
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_NODE_CLASS = "search.engines.es_transport.PlainJsonNode"
    settings.SEARCH_INDEX_PREFIX = "test_"
    elasticsearch_engine(url).rebuild(documents())


def test_the_page_links_to_the_corrected_search(client, engine_with_vocabulary):
    html = client.get("/en/search/", {"q": MISSPELT, "sort": "newest"}).content.decode()

    assert "Nothing matched your search." in html
    link = re.search(r'Did you mean <a href="([^"]*)">([^<]*)</a>\?', html)
    assert link, "no suggestion on the page"
    assert link[2] == "facilitation"
    href = unescape(link[1])
    assert href == "?sort=newest&q=facilitation"

    corrected = client.get("/en/search/" + href).content.decode()
    assert "Facilitation of village committees" in corrected
    assert "Did you mean" not in corrected


def test_the_api_answers_the_suggestion(client, engine_with_vocabulary):
    data = client.get("/api/search/", {"q": MISSPELT, "lang": "en"}).json()

    assert data["total"] == 0
    assert data["suggestion"] == "facilitation"
    found = client.get("/api/search/", {"q": "facilitation", "lang": "en"}).json()
    assert found["total"] > 0 and found["suggestion"] is None
