"""Publishing goes on while Elasticsearch is down: the database engine is kept up to date,
and the search, falling back to it, finds what was just published."""

import logging
import socket

import pytest

from tests.stories import conftest as stories

network = stories.network  # the small network, as a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster_down(settings):
    """A cluster address that refuses connections (bound, not listening)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{sock.getsockname()[1]}"
        yield


def test_a_story_published_while_the_cluster_is_down_is_found(
    client, network, cluster_down, publish, caplog
):
    story = stories.make_story(network["alpha"], "Participatory audits of school grants")
    with caplog.at_level(logging.WARNING, logger="search.indexing"):
        publish(story.save_revision().publish)
    assert any("skipped on elasticsearch" in r.getMessage() for r in caplog.records)

    answer = client.get("/api/search/", {"q": "participatory audits"}).json()
    assert answer["degraded"] is True
    assert [hit["title"] for hit in answer["results"]] == [story.title]
    page = client.get("/en/search/", {"q": "participatory audits"})
    assert page.status_code == 200 and story.title in page.text
