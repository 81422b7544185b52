"""A resource is dated by its publisher's release, on its page, its card and in search."""

import datetime

import pytest

from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from search.engines.database import DatabaseEngine
from search.indexing import all_documents

from .conftest import soup_of

pytestmark = pytest.mark.django_db


def dates_shown(soup, selector) -> list[tuple[str, str]]:
    return [(time["datetime"], time.get_text()) for time in soup.select(f"{selector} time")]


def test_page_and_card_show_the_date_in_the_page_language(client, homes):
    english = ResourceIndexPageFactory(parent=homes["en"])
    resource = ResourcePageFactory(
        parent=english, title="Report", publication_date=datetime.date(2019, 10, 24)
    )
    ResourcePageFactory(parent=english, title="Undated", publication_date=None)
    french_index = english.copy_for_translation(homes["fr"].locale)
    french_index.save_revision().publish()
    french = resource.copy_for_translation(homes["fr"].locale)
    french.save_revision().publish()

    english_page = soup_of(client.get(resource.url))
    assert dates_shown(english_page, ".resource-facts") == [("2019-10-24", "24 October 2019")]
    published = english_page.select_one('meta[property="article:published_time"]')
    assert published["content"] == "2019-10-24"
    assert dates_shown(soup_of(client.get(french.url)), ".resource-facts") == [
        ("2019-10-24", "24 octobre 2019")
    ]
    cards = soup_of(client.get(english.url)).select(".resource-card")
    assert {card.h3.get_text(strip=True): dates_shown(card, "") for card in cards} == {
        "Report": [("2019-10-24", "24 October 2019")],
        "Undated": [],
    }


def test_the_year_facet_counts_publication_years_not_the_day_of_loading(client, homes):
    index = ResourceIndexPageFactory(parent=homes["en"])
    for year in (2019, 2021, 2021):
        ResourcePageFactory(parent=index, publication_date=datetime.date(year, 5, 1))
    ResourcePageFactory(parent=index, title="Undated", publication_date=None)
    DatabaseEngine().rebuild(all_documents())

    data = client.get("/api/search/", {"kind": "resource", "lang": "en"}).json()
    years = {value["value"]: value["count"] for value in data["facets"]["year"]}
    assert years == {"2019": 1, "2021": 2}
    dates = sorted(hit["date"] or "" for hit in data["results"])
    assert dates == ["", "2019-05-01", "2021-05-01", "2021-05-01"]
