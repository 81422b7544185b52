"""Every M49 grouping that contains countries filters search results, with counts that match
and names in the visitor's language; the region facet reads as an outline."""

import pytest
from bs4 import BeautifulSoup

from stories.factories import CaseStoryPageFactory, LessonFactory
from stories.models import CaseStoryPage

pytestmark = pytest.mark.django_db

PLACES = {
    "KE": "Nairobi",
    "NG": "Lagos",
    "EG": "Cairo",
    "CO": "Bogotá",
    "JM": "Kingston",
    "US": "Ohio",
}


@pytest.fixture
def placed(network, homes, publish):
    """One live story with one lesson in each of six countries."""
    for code, city in PLACES.items():
        story = CaseStoryPageFactory(
            parent=network["beta"], title=f"{city} budget", countries=[code]
        )
        LessonFactory(story=story)
        story = CaseStoryPage.objects.get(pk=story.pk)
        publish(lambda story=story: story.save_revision().publish())


def api(client, **params):
    response = client.get("/api/search/", {"kind": "story", **params})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    ("region", "cities"),
    [
        ("202", {"Nairobi", "Lagos"}),  # Sub-Saharan Africa: not Cairo
        ("002", {"Nairobi", "Lagos", "Cairo"}),
        ("419", {"Bogotá", "Kingston"}),  # Latin America and the Caribbean: not Ohio
        ("029", {"Kingston"}),  # the Caribbean
        ("021", {"Ohio"}),
    ],
)
def test_a_region_filter_matches_every_country_inside_it(client, placed, region, cities):
    data = api(client, region=region)
    assert {r["title"].removesuffix(" budget") for r in data["results"]} == cities
    assert data["total"] == len(cities)
    assert data["warnings"] == []


def test_region_facet_counts_equal_matches_and_read_as_an_outline(client, placed):
    facet = api(client, lang="fr")["facets"]["region"]
    values = [(v["value"], v["level"], v["count"]) for v in facet]
    assert values[:4] == [("002", 0, 3), ("015", 1, 1), ("202", 1, 2), ("011", 2, 1)]
    for value in facet:
        assert api(client, region=value["value"])["total"] == value["count"]
    names = {v["value"]: v["label"] for v in facet}
    assert names["419"] == "Amérique latine et Caraïbes"
    assert names["202"] == "Afrique subsaharienne"


def test_search_page_indents_groupings_under_their_region(client, placed):
    html = BeautifulSoup(client.get("/en/search/?kind=story").content, "html.parser")
    boxes = html.select('li.checkbox input[name="region"]')
    levels = {box["value"]: box.find_parent("li")["class"] for box in boxes}
    assert levels["002"] == ["checkbox"]
    assert levels["202"] == ["checkbox", "level-1"] and levels["014"] == ["checkbox", "level-2"]
