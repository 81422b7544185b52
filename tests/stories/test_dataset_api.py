"""/api/lessons/: the search's facets narrow the lessons, pages link to each other, an ETag
answers 304 until something is published, and a bad parameter is a 400 that names it."""

import pytest

from stories.dataset.openapi import paths, schemas

from .dataset_content import FRENCH_HEADLINES, built_once

pytestmark = pytest.mark.django_db
API = "/api/lessons/"


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker) as built:
        yield built


def headlines(client, **params) -> set[str]:
    response = client.get(API, {"page_size": 100, **params})
    assert response.status_code == 200, response.content
    return {row["headline"] for row in response.json()["results"]}


LISTENING = {"Listen first", "Publish the minutes", *FRENCH_HEADLINES.values()}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Sub-Saharan Africa and Latin America and the Caribbean: groupings, not continents.
        ({"region": "202"}, LISTENING | {"Open the ledger"}),
        ({"region": "419"}, {"Ask the council"}),
        ({"region": ["419", "021"]}, {"Ask the council", "Count the chairs"}),
        ({"country": "NG"}, {"Open the ledger"}),
        ({"theme": "education"}, LISTENING),  # the story's theme
        ({"theme": "health"}, {"Listen first", FRENCH_HEADLINES["Listen first"]}),  # the lesson's
        ({"lesson_type": "recommendation"}, {"Ask the council"}),
        ({"audience": "donors", "language": "en"}, {"Listen first", "Open the ledger"}),
        ({"partner": "beta"}, LISTENING | {"Ask the council", "Open the ledger"}),  # involved
        ({"organisation_type": "research"}, {"Ask the council", "Open the ledger"}),
        ({"collaborative": "open-budgets", "language": "fr"}, set(FRENCH_HEADLINES.values())),
        ({"year": "2019"}, {"Ask the council"}),
        ({"kind": "lesson", "country": "US"}, {"Count the chairs"}),
        ({"kind": "story"}, set()),
        ({"resource_type": "guide"}, set()),
    ],
)
def test_facets_narrow_the_lessons_as_in_search(client, content, params, expected):
    assert headlines(client, **params) == expected


def test_pages_are_stable_and_link_to_each_other(client, content):
    first = client.get(API, {"page_size": 2, "region": "002"}).json()
    assert first["count"] == 5 and first["page"] == 1 and first["previous"] is None
    assert first["next"] == "http://testserver/api/lessons/?page_size=2&region=002&page=2"
    ids = [row["lesson_id"] for row in first["results"]]
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    assert second["previous"].endswith("page=1") and third["next"] is None
    ids += [row["lesson_id"] for row in second["results"] + third["results"]]
    assert ids == sorted(ids) and len(set(ids)) == 5


def test_etag_answers_not_modified_until_a_publish(client, content):
    response = client.get(API, {"country": "KE"})
    etag = response["ETag"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get(API, {"country": "KE"}, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(API, {"country": "CO"}, HTTP_IF_NONE_MATCH=etag).status_code == 200
    content["ohio"].save_revision().publish()
    assert client.get(API, {"country": "KE"}, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"colour": "red"}, "colour"),
        ({"q": "budget"}, "q"),
        ({"page": "0"}, "page"),
        ({"page": "x"}, "page"),
        ({"page": "99"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"country": "\x00"}, "country"),
        ({"theme": [f"t{n}" for n in range(51)]}, "theme"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, content, params, parameter):
    response = client.get(API, params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter
    assert response.json()["error"]["message"]


def test_unknown_values_are_ignored_with_a_warning(client, content):
    body = client.get(API, {"country": ["KE", "ZZ"]}).json()
    assert body["count"] == 4 and "ZZ" in body["warnings"][0]


def test_openapi_fragment_references_shared_parameters_by_url_name():
    operation = paths()["/api/lessons/"]["get"]
    names = [p["$ref"].rsplit("/", 1)[1] for p in operation["parameters"]]
    assert {"page", "page_size", "kind", "country", "region", "theme"} <= set(names)
    assert all(p["$ref"].startswith("#/components/parameters/") for p in operation["parameters"])
    lesson = schemas()["Lesson"]
    assert lesson["properties"]["regions"]["type"] == "array"
    assert lesson["properties"]["partner"]["type"] == ["string", "null"]
    assert set(schemas()["LessonPage"]["required"]) >= {"count", "next", "previous", "results"}
