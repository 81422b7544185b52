"""Elasticsearch stops mid-session: the page and the API answer from the database engine."""

import logging

import pytest
from osmem_server import OsmemServer

from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine

from .corpus import corpus


@pytest.fixture
def own_server():
    """A server of this test's own, since the test stops it (the shared one must live on)."""
    server = OsmemServer.start(japanese=False)
    yield server
    server.close()


@pytest.mark.parametrize("engine_name", ["database", "elasticsearch"])
def test_search_survives_the_engine_stopping(
    client, db, homes, own_server, settings, caplog, engine_name
):
    documents = corpus()
    DatabaseEngine().rebuild(documents)
    if engine_name == "elasticsearch":
        settings.ELASTICSEARCH_URL = own_server.url
        settings.ELASTICSEARCH_NODE_CLASS = "search.engines.es_transport.PlainJsonNode"
        settings.SEARCH_INDEX_PREFIX = "fallback_"
        ElasticsearchEngine().rebuild(documents)

    before = client.get("/api/search/", {"q": "facilitation"}).json()
    assert before["degraded"] is False and before["total"] > 0
    before_page = client.get("/en/search/", {"q": "facilitation"}).content.decode()
    assert "simplified mode" not in before_page

    own_server.close()  # the cluster goes away mid-session

    with caplog.at_level(logging.WARNING, logger="search.service"):
        api = client.get("/api/search/", {"q": "facilitation", "country": "BD"})
        page = client.get("/en/search/", {"q": "facilitation"})
        autocomplete = client.get("/api/search/autocomplete/", {"q": "facil"})
    degraded = engine_name == "elasticsearch"
    assert api.status_code == page.status_code == autocomplete.status_code == 200
    data = api.json()
    assert data["degraded"] is degraded
    assert data["total"] > 0
    assert all("BD" in hit["countries"] for hit in data["results"])
    assert ("simplified mode" in page.content.decode()) is degraded
    assert "Facilitation of village committees" in page.content.decode()
    assert autocomplete.json()["degraded"] is degraded
    assert autocomplete.json()["results"]
    warned = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert bool(warned) is degraded
