"""The engine fixture: the same behaviour suite against every back end.

``database`` runs on the test database in use (SQLite by default, PostgreSQL when
DATABASE_URL says so; CI runs the suite once for each); ``elasticsearch`` runs on a fresh
osmem-server clone per test, speaking the Elasticsearch protocol.
"""

import pytest
from osmem_server import OsmemServer

from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine

from .corpus import corpus
from .osmem import PlainJsonNode


@pytest.fixture(scope="session")
def osmem_server():
    """One osmem-server for the session (the plugin's fixture, without Japanese analysis)."""
    server = OsmemServer.start(japanese=False)
    yield server
    server.close()


def elasticsearch_engine(url: str) -> ElasticsearchEngine:
    return ElasticsearchEngine(url=url, prefix="test_", node_class=PlainJsonNode)


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, db):
    """Every engine test runs in a test-database transaction (the database engine's tables
    live there; the Elasticsearch engine simply does not use it)."""
    if request.param == "database":
        return DatabaseEngine()
    return elasticsearch_engine(request.getfixturevalue("osmem_clone").url)


@pytest.fixture
def documents():
    return corpus()


@pytest.fixture
def indexed(engine, documents):
    engine.rebuild(documents)
    return engine
