"""One Elasticsearch client configuration on every path that talks to the cluster: searching,
indexing on publish, the rebuild command, ``ping`` (what a readiness check calls) and
Wagtail's admin search backend, each against osmem-server with the options set in settings
as the environment sets them (``search/engines/es_client.py``).

The node class is itself one of the options: ``RecordingNode`` (a ``PlainJsonNode``, without
which osmem-server answers 406) notes the headers and timeout of every request the path's own
client sends, so a path that built its client some other way would fail or go unrecorded.
"""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from search.engines import SearchRequest, get_engine
from stories.factories import CaseStoryPageFactory
from tests.stories.conftest import network  # noqa: F401  (partners, collaborative, index)

from .osmem import RecordingNode

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

RECORDING_NODE = "tests.search.osmem.RecordingNode"
API_KEY = "aHViLXRlc3Q6bm90LWEtcmVhbC1rZXk="
TIMEOUT = 7.5


@pytest.fixture
def cluster(osmem_clone, settings):
    """The hub pointed at a fresh osmem-server clone with an API key, a timeout, retries and
    the recording node class: what ELASTICSEARCH_URL, _API_KEY, _TIMEOUT, _MAX_RETRIES and
    _NODE_CLASS set."""
    settings.ELASTICSEARCH_URL = osmem_clone.url
    settings.ELASTICSEARCH_API_KEY = API_KEY
    settings.ELASTICSEARCH_TIMEOUT = TIMEOUT
    settings.ELASTICSEARCH_MAX_RETRIES = 2
    settings.ELASTICSEARCH_NODE_CLASS = RECORDING_NODE
    settings.SEARCH_INDEX_PREFIX = "paths_"
    RecordingNode.sent.clear()
    yield osmem_clone
    RecordingNode.sent.clear()


def sent_with_the_options(method: str, target_part: str) -> list:
    """The requests of that kind, after checking that every request carried the options."""
    assert RecordingNode.sent, "no request went through the configured node class"
    for request in RecordingNode.sent:
        assert request.headers["authorization"] == f"ApiKey {API_KEY}", request
        assert request.timeout == TIMEOUT, request
    return [r for r in RecordingNode.sent if r.method == method and target_part in r.target]


def rebuild(*args) -> str:
    output = StringIO()
    call_command("rebuild_search_index", *args, stdout=output, stderr=StringIO())
    return output.getvalue()


def test_the_rebuild_command_uses_the_options_and_names_the_cluster(cluster, network):  # noqa: F811
    first = rebuild("--engine", "elasticsearch")
    second = rebuild("--engine", "elasticsearch")

    assert sent_with_the_options("PUT", "/_bulk")
    assert f'Elasticsearch at {cluster.url} (API key): cluster "osmem"' in first
    assert API_KEY not in first + second
    built = {line for line in first.splitlines() if line.startswith("Built and swapped in:")}
    (line,) = built
    for language in ("en", "fr", "es"):
        assert f"paths_{language} -> paths_{language}_" in line
    assert "Dropped the indices they replaced: paths_en_" in second
    assert get_engine().count() > 0


def test_publishing_indexes_through_the_configured_client(
    cluster,
    network,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    story = CaseStoryPageFactory(parent=network["alpha"], title="Mangrove replanting", live=False)
    RecordingNode.sent.clear()

    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    assert sent_with_the_options("PUT", "/_bulk")
    hits = get_engine().search(SearchRequest(text="mangrove")).hits
    assert [hit.document.title for hit in hits] == ["Mangrove replanting"]


def test_searching_uses_the_configured_client(cluster, network, client):  # noqa: F811
    CaseStoryPageFactory(parent=network["alpha"], title="Mangrove replanting")
    rebuild("--engine", "elasticsearch")
    RecordingNode.sent.clear()

    answer = client.get("/api/search/", {"q": "mangrove"}).json()

    assert answer["degraded"] is False and answer["total"] == 1
    # Every language by default: the search goes to every language's alias.
    assert sent_with_the_options("POST", "paths_en,paths_fr,paths_es/_search")


def test_ping_uses_the_configured_client(cluster):
    assert get_engine().ping() is True

    assert sent_with_the_options("HEAD", "/")


def test_wagtails_admin_backend_uses_the_configured_client(cluster, network, settings):  # noqa: F811
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.wagtail_backend",
            "URLS": [cluster.url],
            "INDEX_PREFIX": "paths_wagtail_",
        }
    }
    call_command("update_index", stdout=StringIO(), stderr=StringIO())

    results = list(get_search_backend().search("Alpha Budget", Page))

    assert "Alpha Budget Group" in [page.title for page in results]
    assert sent_with_the_options("PUT", "/_bulk")
    assert sent_with_the_options("POST", "paths_wagtail_wagtailcore_page/_search")


def test_without_the_node_class_osmem_refuses_and_the_command_says_what_to_set(
    cluster,
    network,  # noqa: F811
    settings,
):
    """The control: the node class the other tests see is what makes osmem-server answer."""
    settings.ELASTICSEARCH_NODE_CLASS = None

    with pytest.raises(CommandError) as raised:
        rebuild("--engine", "elasticsearch")

    message = str(raised.value)
    assert "HTTP 406" in message and "ELASTICSEARCH_NODE_CLASS=" in message
    assert "\n" not in message
