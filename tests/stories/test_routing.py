"""Pages are found in two queries (``hub.routing``), and every change shows at the next request.

Routing remembers the site and the home pages across requests and reads each page's way
down by its URL path: these tests change what that depends on (moves, slugs, sites, home
translations, restrictions, themes) and check that the very next request sees it.
"""

from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site

import feedparser
import pytest
from bs4 import BeautifulSoup

from hub.factories import ThemeFactory

from .conftest import make_story

pytestmark = pytest.mark.django_db


def html(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def story(network):
    return make_story(network["alpha"], "Listening first", slug="listening-first")


STORY_URL = "/en/partners/alpha/listening-first/"


def test_breadcrumbs_are_the_ancestors_below_the_tree_root(client, network, story):
    crumbs = [a.get_text(strip=True) for a in html(client.get(STORY_URL)).select(".breadcrumbs a")]
    expected = [page.title for page in story.get_ancestors()[1:]]
    assert crumbs == expected == [network["home"].title, "Partners", "Alpha Budget Group"]


def test_unknown_and_draft_pages_are_not_found(client, network, story):
    assert client.get(STORY_URL + "no-such-page/").status_code == 404
    assert client.get("/en/partners/gamma/listening-first/").status_code == 404
    story.unpublish()
    assert client.get(STORY_URL).status_code == 404


def test_a_moved_page_answers_at_its_new_address_at_once(client, network, story):
    assert client.get(STORY_URL).status_code == 200
    Page.objects.get(pk=story.pk).move(network["beta"], pos="last-child")
    old = client.get(STORY_URL)  # no page there any more: Wagtail's automatic redirect
    assert (old.status_code, old["Location"]) == (301, "/en/partners/beta/listening-first/")
    moved = client.get("/en/partners/beta/listening-first/")
    assert moved.status_code == 200
    assert html(moved).select(".breadcrumbs a")[-1].get_text(strip=True) == "Beta Learning Lab"


def test_a_new_slug_on_the_way_down_is_followed_at_once(client, network, story):
    assert client.get(STORY_URL).status_code == 200
    partner = network["alpha"]
    partner.slug = "alpha-group"
    partner.save_revision().publish()
    assert client.get(STORY_URL).status_code == 404
    assert client.get("/en/partners/alpha-group/listening-first/").status_code == 200


def test_a_new_site_for_a_host_is_used_at_once(client, network):
    assert "<h1>Partners</h1>" not in client.get("/en/", HTTP_HOST="127.0.0.1").content.decode()
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=network["partner_index"])
    assert "<h1>Partners</h1>" in client.get("/en/", HTTP_HOST="127.0.0.1").content.decode()
    assert "<h1>Partners</h1>" not in client.get("/en/").content.decode()  # other hosts


def test_a_published_home_translation_is_served_at_once(client, home, locales):
    # No French home: French addresses are not found, never the English pages instead.
    assert client.get("/fr/").status_code == 404
    french = home.copy_for_translation(locales["fr"])
    french.title = "Accueil"
    french.save_revision().publish()
    response = client.get("/fr/")
    assert response.context["page"].pk == french.pk
    assert "<h1>Accueil</h1>" in response.content.decode()


def test_an_offline_home_serves_no_other_language_under_its_menus(
    client, network, homes, locales, story
):
    """The French home unpublished: /fr/ and the French address of an English-only page
    answer 404 (they used to route through the English home: English under French menus);
    a live French page below the offline home is still served, as below any page that is
    not live."""
    french_story = story.copy_for_translation(locales["fr"], copy_parents=True)
    french_story.save_revision().publish()
    assert client.get("/fr/partners/beta/").status_code == 404  # English only, home live
    Page.objects.get(pk=homes["fr"].pk).unpublish()
    assert client.get("/fr/").status_code == 404
    assert client.get("/fr/partners/beta/").status_code == 404
    assert client.get(french_story.get_url()).status_code == 200
    assert client.get("/en/partners/beta/").status_code == 200


def test_a_restriction_applies_from_the_next_request(client, network, story):
    assert client.get(STORY_URL).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=network["alpha"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(STORY_URL)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]
    restriction.delete()
    assert client.get(STORY_URL).status_code == 200


def test_a_restriction_elsewhere_leaves_other_pages_public(client, network, story):
    PageViewRestriction.objects.create(
        page=network["beta"], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(STORY_URL).status_code == 200
    assert client.get("/en/partners/beta/").status_code == 302


def test_an_alias_follows_the_restrictions_of_its_original(client, network, story):
    """Wagtail checks an alias against its original's restrictions, wherever it sits."""
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    alias = story.create_alias(parent=network["beta"], update_slug="listening-first-copy")
    # Wagtail copies the restriction onto the alias; without it, the original's still counts.
    PageViewRestriction.objects.filter(page=alias).delete()
    response = client.get("/en/partners/beta/listening-first-copy/")
    assert response.status_code == 302 and "/_util/login/" in response["Location"]


def test_a_renamed_theme_shows_at_once(client, network, story):
    theme = ThemeFactory(name="Budget credibility", slug="budget-credibility")
    story.themes.set([theme])
    story.save_revision().publish()
    assert "Budget credibility" in client.get(STORY_URL).content.decode()
    theme.name = "Credible budgets"
    theme.save()
    content = client.get(STORY_URL).content.decode()
    assert "Credible budgets" in content and "Budget credibility" not in content


def test_wagtail_finds_pages_through_the_hub_route(rf, network, story, django_assert_num_queries):
    """Wagtail's own API (``Page.find_for_request``) reaches the same page through the base
    page's ``route()``, with the pages on the way kept for ``get_parent()``."""
    request = rf.get(STORY_URL)
    with translation.override("en"):
        found = Page.find_for_request(request, "/partners/alpha/listening-first/")
    assert found.pk == story.pk and isinstance(found, type(story))
    with django_assert_num_queries(0):
        assert found.get_parent().pk == network["alpha"].pk
    assert [page.pk for page in found.get_ancestors()] == [
        page.pk for page in found.route_ancestors
    ]


def test_main_sections_follow_their_slugs_and_translations(client, network, homes, locales):
    def nav_links(url):
        return [a["href"] for a in html(client.get(url)).select(".site-nav a")]

    sections = ["/en/stories/", "/en/partners/", "/en/collaboratives/"]
    assert nav_links("/en/") == [*sections, "/en/search/"]
    index = network["story_index"]
    index.slug = "case-stories"
    index.save_revision().publish()
    assert "/en/case-stories/" in nav_links("/en/")
    french = index.copy_for_translation(locales["fr"])
    french.slug = "recits"
    french.save_revision().publish()
    assert "/fr/recits/" in nav_links("/fr/")
    feed = feedparser.parse(client.get("/fr/feeds/stories/rss/").content)
    assert feed.feed.link.endswith("/fr/recits/")
