"""The issue's Must-show on the demo content, and drafts and private pages never found."""

from django.core.management import call_command

from wagtail.models import PageViewRestriction

import pytest

from tests.stories.conftest import make_story, network  # noqa: F401  (fixture reuse)

API = "/api/search/"


def kind_counts_add_up(data) -> bool:
    return sum(v["count"] for v in data["facets"]["kind"]) == data["total"]


def test_demo_facilitation_must_show(client, db):
    call_command("load_demo_content", verbosity=0)  # rebuilds the index as its last step
    q = "facilitation"

    data = client.get(API, {"q": q, "lang": "en", "page_size": 100}).json()
    kinds = {v["value"] for v in data["facets"]["kind"] if v["count"] > 0}
    assert len(kinds) >= 3, kinds
    assert kind_counts_add_up(data)
    assert {r["kind"] for r in data["results"]} == kinds

    # Bangladesh (the e!quality workshop and its lesson on facilitation): selecting it
    # narrows the hits while the country facet still lists the other countries.
    country = "BD"
    narrowed = client.get(API, {"q": q, "lang": "en", "country": country}).json()
    assert 0 < narrowed["total"] < data["total"]
    assert kind_counts_add_up(narrowed)
    countries = {v["value"]: v for v in narrowed["facets"]["country"]}
    assert countries[country]["selected"] and countries[country]["count"] == narrowed["total"]
    others = [v for code, v in countries.items() if code != country]
    assert others and all(v["count"] > 0 for v in others)

    everything = client.get(API, {"lang": "en"}).json()
    assert everything["total"] > data["total"]
    assert kind_counts_add_up(everything)
    assert {v["value"] for v in everything["facets"]["kind"]} >= kinds

    page = client.get("/en/search/", {"q": q, "country": country})
    assert page.status_code == 200
    assert '<meta name="robots" content="noindex">' in page.content.decode()


def test_drafts_and_private_pages_never_appear(client, network):  # noqa: F811
    make_story(network["alpha"], "Zebra crossings in public")
    draft = make_story(network["alpha"], "Zebra draft story")
    draft.unpublish()
    private = make_story(network["beta"], "Zebra private story")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    call_command("rebuild_search_index", "--engine", "database", verbosity=0)

    data = client.get(API, {"q": "zebra", "page_size": 100}).json()
    titles = {r["title"] for r in data["results"]}
    assert "Zebra crossings in public" in titles
    assert not {"Zebra draft story", "Zebra private story"} & titles
    page = client.get("/en/search/", {"q": "zebra"}).content.decode()
    assert "Zebra crossings in public" in page
    assert "Zebra draft" not in page and "Zebra private" not in page
    suggestions = client.get("/api/search/autocomplete/", {"q": "zeb"}).json()["results"]
    assert "Zebra crossings in public" in {r["title"] for r in suggestions}
    assert not {"Zebra draft story", "Zebra private story"} & {r["title"] for r in suggestions}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_page_exists_in_every_language(client, db, lang):
    assert client.get(f"/{lang}/search/").status_code == 200
