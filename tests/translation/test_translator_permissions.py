"""Translators edit and publish translations, never source pages."""

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.operations import translate_object

import pytest

from hub.factories import HomePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_page(db):
    return HomePageFactory(parent=Page.get_first_root_node(), title="Source", slug="source")


def test_translator_gets_403_on_a_source_page(client, translator, english_page):
    client.force_login(translator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk]))
    assert response.status_code == 403


def test_translator_edits_and_publishes_a_translation(
    client, translator, english_page, locales, django_capture_on_commit_callbacks
):
    translate_object(english_page, [locales["fr"]])
    french = english_page.get_translation(locales["fr"])
    client.force_login(translator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert client.get(edit_url).status_code == 200
    # wagtail-localize's editor publishes through the page edit view.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code in (200, 302)
    french.refresh_from_db()
    assert french.live


def refused(response):
    """Refused either by our 403 or by Wagtail's own permission redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.headers["Location"] == reverse("wagtailadmin_home")
    )


def test_translator_cannot_create_move_or_delete(client, translator, english_page, home):
    client.force_login(translator)
    add = reverse("wagtailadmin_pages:add", args=["hub", "homepage", home.pk])
    assert refused(client.get(add))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[english_page.pk])))
    other = HomePageFactory(parent=Page.get_first_root_node(), title="Other", slug="other")
    move = reverse("wagtailadmin_pages:move_confirm", args=[english_page.pk, other.pk])
    assert refused(client.post(move))
    english_page.refresh_from_db()
    assert english_page.get_parent().pk == Page.get_first_root_node().pk


def test_translator_edits_translated_themes_only(client, translator, locales):
    theme = ThemeFactory(name="Budgets", slug="budgets")
    translate_object(theme, [locales["fr"]])
    french = theme.get_translation(locales["fr"])
    client.force_login(translator)
    assert client.get(reverse("wagtailsnippets_hub_theme:edit", args=[theme.pk])).status_code == 403
    assert (
        client.get(reverse("wagtailsnippets_hub_theme:edit", args=[french.pk])).status_code == 200
    )


def test_translator_can_open_the_status_report(client, translator):
    client.force_login(translator)
    assert client.get(reverse("translation_status")).status_code == 200
