"""The story form as a partner meets it: everything on the Content tab, themes and partners in
the story's language only, countries as a checklist with a filter, sentence-case labels."""

from django.urls import reverse

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from hub.factories import ThemeFactory
from stories.models import CaseStoryPage

from .test_permissions import story_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_versions(network, locales):
    """The theme and partner B in French too: the form must not offer these on an English story."""
    education = network["education"]
    french = education.copy_for_translation(locales["fr"])
    french.name = "Éducation"
    french.save()
    ThemeFactory(name="Salud", slug="health", locale=locales["es"])
    network["beta"].copy_for_translation(locales["fr"], copy_parents=True)


def add_form(client, parent):
    url = reverse("wagtailadmin_pages:add", args=("stories", "casestorypage", parent.pk))
    response = client.get(url)
    assert response.status_code == 200
    return url, BeautifulSoup(response.content, "html.parser")


def labels_of(soup, name):
    return [
        soup.find("label", attrs={"for": box["id"]}).get_text(strip=True)
        if box.get("id") and soup.find("label", attrs={"for": box["id"]})
        else box.find_parent("label").get_text(strip=True)
        for box in soup.select(f'input[type="checkbox"][name="{name}"]')
    ]


def test_a_partner_fills_everything_on_the_content_tab_in_its_language(
    client, network, homes, partner_users, french_versions
):
    client.force_login(partner_users["alpha"])
    url, soup = add_form(client, network["alpha"])
    content = soup.select_one("#tab-content")
    for name in ("standfirst", "publication_date", "countries", "themes", "partners_involved"):
        assert content.select_one(f'[name="{name}"]') is not None, name
    assert labels_of(soup, "themes") == ["Education"]  # not "Éducation", nor the Spanish one
    assert labels_of(soup, "partners_involved") == ["Beta Learning Lab"]  # not Alpha itself
    countries = soup.select('input[type="checkbox"][name="countries"]')
    assert len(countries) > 240
    assert soup.select_one("[data-hub-checklist-filter]") is not None
    lesson_themes = soup.select('#id_lessons-EMPTY_FORM_TEMPLATE, template, [id*="lessons"]')
    assert lesson_themes  # the lessons' inline form is on the page
    assert "Éducation" not in soup.get_text()

    data = story_form("Budget hearings in Dhaka", "dhaka", themes=["education"])
    data.update({"countries": ["BD", "NP"], "themes": [network["education"].pk]})
    data["partners_involved"] = [network["beta"].pk]
    data["action-submit"] = "Submit to Editorial review"
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    story = CaseStoryPage.objects.get(slug="dhaka")
    revision = story.get_latest_revision_as_object()
    assert [c.code for c in revision.countries] == ["BD", "NP"]
    assert [t.slug for t in revision.themes.all()] == ["education"]
    assert [p.pk for p in revision.partners_involved.all()] == [network["beta"].pk]


def test_a_french_story_offers_french_themes(client, network, homes, locales, french_versions):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    french_alpha = network["alpha"].copy_for_translation(locales["fr"], copy_parents=True)
    french_alpha.alias_of = None
    french_alpha.save()
    _url, soup = add_form(client, french_alpha)
    assert labels_of(soup, "themes") == ["Éducation"]
    assert Locale.objects.get(pk=french_alpha.locale_id).language_code == "fr"


def test_body_block_labels_are_in_sentence_case(client, network, partner_users):
    client.force_login(partner_users["alpha"])
    _url, soup = add_form(client, network["alpha"])
    text = str(soup)
    assert '"label": "heading"' not in text and '"label": "text"' not in text
    assert '"label": "Heading"' in text
