"""The demo toolkit and resources, as a visitor sees them after ``make demo``."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from resources.models import NuggetSeriesPage, ResourcePage
from tests.support.demo import committed_demo

from .conftest import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Loaded once for the module; each test's changes roll back on top of it."""
    media = tmp_path_factory.mktemp("media")
    with committed_demo(django_db_blocker, MEDIA_ROOT=media):
        yield


def test_toolkit_lists_numbered_topics_in_order(client, demo):
    soup = soup_of(client.get("/en/toolkit/"))
    entries = [
        " ".join(a.get_text(" ", strip=True).split())
        for a in soup.select(".toolkit-contents li > a")
    ]
    assert entries[:7] == [
        "Topic 1: What a collaborative learning network is",
        "Topic 2: Deciding whether a network is the right tool",
        "Topic 3: Designing the network: members, questions and rhythm",
        "Topic 4: Facilitating learning across organisations",
        "Topic 5: Producing and sharing knowledge products",
        "Topic 6: Measuring what the network changes",
        "Topic 7: Recommendations for donors",
    ]


def test_topic_seven_shows_previous_and_next(client, demo):
    soup = soup_of(client.get("/en/toolkit/recommendations-for-donors/"))
    assert soup.select_one(".resource-topic-number").get_text(strip=True) == "Topic 7"
    previous = soup.select_one(".resource-pager a[rel=prev]")
    following = soup.select_one(".resource-pager a[rel=next]")
    assert previous["href"] == "/en/toolkit/measuring-change/"
    assert "Topic 6" in previous.get_text()
    assert following["href"] == "/en/toolkit/sustaining-or-closing/"
    assert "Topic 8" in following.get_text()
    takeaways = [li.get_text() for li in soup.select(".resource-takeaways li")]
    assert len(takeaways) == 4
    related = [a["href"] for a in soup.select("#related-heading + ul a")]
    assert related == [
        "/en/resources/tap-learning-report/",
        "/en/resources/collaborative-learning-ecourse/",
    ]


def test_type_filter_lists_only_templates(client, demo):
    soup = soup_of(client.get("/en/resources/?type=template"))
    cards = soup.select(".resource-card")
    assert {card["data-resource-type"] for card in cards} == {"template"}
    assert sorted(card.h3.get_text(strip=True) for card in cards) == [
        "Action plan template",
        "SWOT analysis template for a consortium review",
    ]


def test_eight_resources_of_different_types_and_five_nuggets(demo):
    resources = ResourcePage.objects.live().filter(locale__language_code="en")
    resources = resources.exclude(resource_type="nugget")
    assert resources.count() == 8
    assert len(set(resources.values_list("resource_type", flat=True))) == 7
    series = NuggetSeriesPage.objects.get(slug="facilitating-virtual-meetings")
    assert [entry.day for entry in series.days()] == [1, 2, 3, 4, 5]


def test_resource_offers_english_and_french_files(client, demo):
    soup = soup_of(client.get("/en/resources/virtual-meeting-toolkit/"))
    names = [a.select_one("span[lang]").get_text() for a in soup.select(".resource-files a")]
    assert names == ["English", "Français"]
    french = soup.select_one('.resource-files a[hreflang="fr"]')["href"]
    response = client.get(french)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_nugget_series_links_each_day_to_the_next(client, demo):
    soup = soup_of(client.get("/en/resources/nugget-interaction/"))
    assert "Day 2 of 5" in soup.select_one(".resource-type").get_text()
    assert soup.select_one("a[rel=next]")["href"] == "/en/resources/nugget-languages/"
    assert soup.select_one(".resource-reflection p").get_text(strip=True)


def test_home_features_demo_resources(client, demo):
    soup = soup_of(client.get("/en/"))
    featured = [a["href"] for a in soup.select(".featured a")]
    assert featured == [
        "/en/resources/virtual-meeting-toolkit/",
        "/en/resources/action-plan-template/",
    ]


def test_loading_again_changes_nothing(demo):
    before = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo_content", stdout=StringIO())
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_french_visitors_find_translated_resources_and_where_the_rest_are(client, demo):
    soup = soup_of(client.get("/fr/resources/"))
    titles = sorted(card.h3.get_text(strip=True) for card in soup.select(".resource-card"))
    assert titles == [
        "Boîte à outils pour animer des réunions virtuelles",
        "Liste de vérification avant une séance virtuelle",
        "Modèle de plan d'action",
    ]
    elsewhere = soup.select_one(".elsewhere")
    assert elsewhere.get_text(" ", strip=True).startswith("10 autres ressources")
    assert elsewhere.a["href"] == "/en/resources/" and elsewhere.a["lang"] == "en"

    toolkit = soup_of(client.get("/es/toolkit/")).select_one(".elsewhere")
    assert toolkit.get_text(" ", strip=True).startswith("7 capítulos más")
    assert soup_of(client.get("/en/resources/")).select(".elsewhere") == []


def test_demo_resources_carry_their_publishers_dates(client, demo):
    page = soup_of(client.get("/fr/resources/action-plan-template/"))
    assert page.select_one(".resource-facts time").get_text() == "1 février 2023"
    undated = ResourcePage.objects.filter(publication_date__isnull=True)
    assert list(undated.values_list("slug", flat=True)) == []


def test_french_home_features_the_french_resources(client, demo):
    featured = [a["href"] for a in soup_of(client.get("/fr/")).select(".featured a")]
    assert featured == [
        "/fr/resources/virtual-meeting-toolkit/",
        "/fr/resources/action-plan-template/",
    ]
