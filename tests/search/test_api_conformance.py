"""schemathesis against a live server: every answer of the JSON API matches its description.

The server (one per module, in a thread, as the browser tests serve the demo) answers from a
small committed corpus, so searches have results and facets. schemathesis reads the
description from the server's own ``/api/schema/``, checks it is valid OpenAPI 3.1, then
sends up to ``EXAMPLES`` generated requests per operation (derandomized: the same requests
every run) and fails on a 5xx, a status code, a content type, a header or a body the
description does not allow.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from pytest_django.live_server_helper import LiveServer
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from search import openapi
from search.engines.database import DatabaseEngine
from tests.browser.conftest import close_server_connections
from tests.support.demo import committed

from .corpus import corpus

EXAMPLES = 30
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Before pytest-django's transactional tests, whose flush would empty the database.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def api_server(django_db_setup, django_db_blocker):
    """A live server over the committed corpus; yields its base URL."""
    with committed(django_db_blocker, lambda: DatabaseEngine().rebuild(corpus())):
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server.url
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            close_server_connections()


@pytest.fixture(scope="module")
def api_schema(api_server):
    loaded = schemathesis.openapi.from_url(f"{api_server}/api/schema/")
    loaded.validate()  # OpenAPI 3.1's own JSON Schema
    return loaded


# Every operation of the description, known when tests are collected: one test each.
OPERATIONS = [
    pytest.param(method, path, id=f"{method.upper()} {path}")
    for path, item in openapi.document()["paths"].items()
    for method in item
]


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_answer_matches_the_description(api_schema, method, path):
    operation = api_schema[path][method]

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def answer_matches(case):
        case.call_and_validate(checks=CHECKS)

    answer_matches()


def test_the_description_is_served_by_the_live_server(api_schema, api_server):
    operations = {
        (op.method.upper(), op.path) for op in (r.ok() for r in api_schema.get_all_operations())
    }
    assert ("GET", "/api/search/") in operations
    assert ("GET", "/api/search/autocomplete/") in operations
    assert ("OPTIONS", "/api/search/") in operations
    assert api_schema.raw_schema["servers"] == [{"url": api_server}]
