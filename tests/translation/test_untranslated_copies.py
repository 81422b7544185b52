"""An untranslated copy never goes live: translating a partner's story into French must not
publish the English profile under /fr/ (the alias wagtail-localize creates for the missing
ancestors) until a translator has translated and published it."""

import importlib

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest
from bs4 import BeautifulSoup

from network.models import PartnerProfilePage
from tests.stories.conftest import make_story

pytestmark = pytest.mark.django_db


def translate(page, locale, on_commit, words=None):
    """Translate ``page`` as a translator does in wagtail-localize, and publish it."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": (words or {}).get(segment.string.data, segment.string.data)},
        )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(locale)


@pytest.fixture
def french_story(client, network, homes, locales, django_capture_on_commit_callbacks):
    """A story of Alpha, translated into French; Alpha's profile has no French translation."""
    story = make_story(network["alpha"], "Listening first")
    story.save_revision().publish()
    return translate(story, locales["fr"], django_capture_on_commit_callbacks)


def french_copy(page, locales):
    return Page.objects.get(translation_key=page.translation_key, locale=locales["fr"])


def test_the_profile_copied_for_a_translation_stays_offline(client, network, locales, french_story):
    profile = french_copy(network["alpha"], locales)
    assert profile.alias_of_id == network["alpha"].pk and not profile.live
    assert client.get(profile.url).status_code == 404
    assert client.get(network["alpha"].url).status_code == 200  # the English one is untouched
    # The French story is live below it, and its breadcrumbs skip the offline copy.
    response = client.get(french_story.url)
    assert response.status_code == 200
    links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select("nav a")]
    assert profile.url not in links
    assert not PartnerProfilePage.objects.live().filter(locale=locales["fr"]).exists()


def test_republishing_the_source_does_not_publish_the_copy(
    client, network, locales, french_story, django_capture_on_commit_callbacks
):
    alpha = PartnerProfilePage.objects.get(pk=network["alpha"].pk)
    alpha.title = "Alpha Budget Group, renamed"
    with django_capture_on_commit_callbacks(execute=True):
        alpha.save_revision().publish()  # Wagtail synchronises and republishes its aliases
    profile = french_copy(alpha, locales)
    assert profile.title == "Alpha Budget Group, renamed"  # still following its source
    assert not profile.live
    assert client.get(profile.url).status_code == 404
    found = client.get("/api/search/", {"q": "renamed", "lang": "fr", "all_languages": 0})
    assert found.json()["total"] == 0


def test_a_translator_translates_and_publishes_the_copy(
    client, network, locales, french_story, django_capture_on_commit_callbacks
):
    alpha = network["alpha"]
    french = translate(
        alpha,
        locales["fr"],
        django_capture_on_commit_callbacks,
        words={"Alpha Budget Group": "Groupe budgétaire Alpha"},
    )
    french = Page.objects.get(pk=french.pk)
    assert french.alias_of_id is None and french.live
    response = client.get(french.url)
    assert response.status_code == 200
    assert "Groupe budgétaire Alpha" in response.content.decode()


def test_the_status_report_calls_the_copy_missing(
    client, network, locales, french_story, translator
):
    client.force_login(translator)
    soup = BeautifulSoup(client.get(reverse("translation_status")).content, "html.parser")
    row = next(
        r for r in soup.select("table.listing tbody tr") if "Alpha Budget Group" in r.th.text
    )
    assert row.select_one('td[data-locale="fr"]')["data-state"] == "missing"


def test_the_migration_takes_copies_published_earlier_offline(network, locales, french_story):
    from django.apps import apps

    migration = importlib.import_module("hub.migrations.0007_untranslated_copies_offline")
    profile = french_copy(network["alpha"], locales)
    Page.objects.filter(pk=profile.pk).update(live=True)  # as before this version
    migration.take_offline(apps, None)
    assert not Page.objects.get(pk=profile.pk).live
    assert Page.objects.get(pk=network["alpha"].pk).live
    assert Page.objects.get(pk=french_story.pk).live  # a translation, not a copy
