"""The API's description (/api/schema/) and its reference page (/api/), seen from outside.

That every answer matches the description is schemathesis's job (test_api_conformance.py);
these check that the description says what the parser reads, and that the page shows it.
"""

import sys
import types

import pytest

from hub import regions
from search import openapi
from search.documents import FACETS, KINDS
from search.engines.base import MAX_PAGE_SIZE, MAX_VALUES_PER_FACET
from search.params import KNOWN

pytestmark = pytest.mark.django_db


@pytest.fixture
def doc(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_every_search_parameter_is_a_shared_component_named_after_it(doc):
    shared = doc["components"]["parameters"]
    assert set(shared) == KNOWN
    assert all(shared[name]["name"] == name for name in shared)
    search = doc["paths"]["/api/search/"]["get"]["parameters"]
    assert {p["$ref"].rsplit("/", 1)[-1] for p in search} == KNOWN


def test_limits_and_fixed_keys_come_from_the_parser(doc, settings):
    shared = doc["components"]["parameters"]
    assert doc["openapi"] == "3.1.0"
    assert shared["page_size"]["schema"]["maximum"] == MAX_PAGE_SIZE
    assert shared["lang"]["schema"]["enum"] == [code for code, _ in settings.LANGUAGES]
    assert shared["kind"]["schema"]["items"]["enum"] == list(KINDS)
    assert {"202", "419", "002", "014"} <= set(shared["region"]["schema"]["items"]["enum"])
    assert shared["region"]["schema"]["items"]["enum"] == regions.region_codes()
    assert "KE" in shared["country"]["schema"]["items"]["enum"]
    assert shared["lesson_type"]["schema"]["items"]["enum"] == [
        "what-worked",
        "what-to-change",
        "recommendation",
    ]
    for facet in FACETS:
        assert shared[facet]["schema"]["maxItems"] == MAX_VALUES_PER_FACET
        assert shared[facet]["explode"] is True


def test_the_server_is_the_public_address(client, settings):
    settings.HUB_PUBLIC_URL = "https://hub.example.org"
    doc = client.get("/api/schema/").json()
    assert doc["servers"] == [{"url": "https://hub.example.org"}]


@pytest.fixture
def lessons_fragment(monkeypatch):
    """What another app adds: a path that uses the shared parameters, and its schema."""
    module = types.ModuleType("tests_lessons_fragment")
    module.paths = lambda: {
        "/api/lessons/": {
            "get": {
                "parameters": [{"$ref": "#/components/parameters/country"}],
                "responses": {"200": {"description": "Lessons."}},
            }
        }
    }
    module.schemas = lambda: {"LessonPage": {"type": "object"}}
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(openapi, "FRAGMENTS", [module.__name__])
    return module


def test_fragments_of_other_apps_join_the_document(client, lessons_fragment):
    doc = client.get("/api/schema/").json()
    assert doc["paths"]["/api/lessons/"]["get"]["parameters"][0]["$ref"].endswith("/country")
    assert "LessonPage" in doc["components"]["schemas"]
    assert "/api/search/" in doc["paths"]


def test_a_fragment_may_not_redefine_what_exists(lessons_fragment):
    lessons_fragment.schemas = lambda: {"SearchAnswer": {"type": "object"}}
    with pytest.raises(ValueError, match="SearchAnswer"):
        openapi.document()


def test_other_methods_answer_405_in_the_error_shape(client):
    for path in ("/api/search/", "/api/search/autocomplete/", "/api/schema/"):
        response = client.post(path)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        data = response.json()
        assert data["error"]["parameter"] is None
        assert data["errors"] == [data["error"]]


def test_the_reference_page_shows_every_endpoint_parameter_and_shape(client, doc):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    for path in doc["paths"]:
        assert f"<code>GET {path}</code></h2>" in html
    for name in doc["components"]["parameters"]:
        assert f"<dt><code>{name}</code>" in html
    for name in doc["components"]["schemas"]:
        assert f'id="schema-{name}"' in html
    assert '<a href="/api/search/?q=facilitation&amp;lang=en">' in html
    assert "page_size must be an integer from 1 to 100." in html  # the real error shape
    assert "<script" not in html.replace('type="application/ld+json"', "")


def test_the_reference_page_speaks_the_visitors_language(client):
    french = client.get("/api/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Référence de l’API" in french
    assert "Accept-Language" in client.get("/api/")["Vary"]
