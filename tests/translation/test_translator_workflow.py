"""A translator's whole path through the admin HTTP views, as people really work.

Submit a story for translation, download the PO file, translate it offline, upload it, publish;
the source changes; the status report says the translation is out of date; a sync with machine
translation brings it up to date again.
"""

import io

from django.test import Client
from django.urls import reverse

from wagtail_localize.models import Translation, TranslationSource

import polib
import pytest
from bs4 import BeautifulSoup

from tests.stories.conftest import make_story

pytestmark = pytest.mark.django_db

FRENCH = {
    "Budget hearings in Dhaka": "Audiences budgétaires à Dacca",
    "Invite district officers early": "Inviter tôt les responsables de district",
}


def public(path):
    return Client().get(path)


def submit(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content[:500]
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate_offline(client, translation, words):
    """Download the PO file, fill every string (known ones from ``words``), upload it."""
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    response = client.get(download)
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    for entry in po:
        entry.msgstr = words.get(entry.msgid, f"{entry.msgid} (fr)")
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    file = io.BytesIO(str(po).encode())
    file.name = "story.po"
    response = client.post(upload, {"file": file, "next": "/admin/"})
    assert response.status_code == 302


def publish_translation(client, translation, on_commit):
    target = translation.get_target_instance()
    with on_commit(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    target.refresh_from_db()
    assert target.live
    return target.specific


def status_of(client, title, code):
    soup = BeautifulSoup(client.get(reverse("translation_status")).content, "html.parser")
    for row in soup.select("table.listing tbody tr"):
        if row.th.get_text(strip=True) == title:
            return row.select_one(f'td[data-locale="{code}"]')["data-state"]
    raise AssertionError(f"{title!r} is not in the report")


def test_story_translated_into_french_end_to_end(
    client,
    network,
    homes,
    translator,
    locales,
    django_capture_on_commit_callbacks,
    django_user_model,
):
    story = make_story(network["alpha"], "Budget hearings in Dhaka", lessons=0)
    story.lessons.create(
        headline="Invite district officers early", explanation="They came.", kind="what-worked"
    )
    story.save_revision().publish()
    editor = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")

    client.force_login(editor)
    translation = submit(client, story, locales["fr"])
    french = translation.get_target_instance()
    # The untranslated French copy is a draft, and so are the French copies of the partner's
    # section and profile made along the way: nobody can read English text under /fr/.
    assert not french.live
    assert public(french.url).status_code == 404

    client.force_login(translator)
    translate_offline(client, translation, FRENCH)
    french = publish_translation(client, translation, django_capture_on_commit_callbacks)
    page = public(french.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Audiences budgétaires à Dacca" in html
    assert "Inviter tôt les responsables de district" in html
    assert status_of(client, "Budget hearings in Dhaka", "fr") == "translated"

    story.refresh_from_db()
    story.title = "Budget hearings in Dhaka and Khulna"
    story.save_revision().publish()
    assert status_of(client, "Budget hearings in Dhaka and Khulna", "fr") == "out_of_date"

    source = TranslationSource.objects.get(object_id=story.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"use_machine_translation": "on", "publish_translations": "on"},
        )
    assert response.status_code == 302
    assert status_of(client, "Budget hearings in Dhaka and Khulna", "fr") == "translated"
    french.refresh_from_db()
    # The dummy machine translator filled the changed title; the rest kept its translation.
    assert french.title != "Audiences budgétaires à Dacca"
    assert "Inviter tôt les responsables de district" in public(french.url).content.decode()


def test_story_written_in_spanish_is_translated_into_english(
    client, network, translator, locales, django_capture_on_commit_callbacks, django_user_model
):
    editor = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(editor)
    # The partner's Spanish profile (a published translation of its English profile).
    profile = network["alpha"]
    profile_translation = submit(client, profile, locales["es"])
    translate_offline(client, profile_translation, {})
    spanish_profile = publish_translation(
        client, profile_translation, django_capture_on_commit_callbacks
    )
    story = make_story(spanish_profile, "Audiencias de presupuesto en Bogotá", lessons=0)
    story.lessons.create(
        headline="Los datos abiertos necesitan intérpretes",
        explanation="Sin acompañamiento, nadie los usó.",
        kind="what-to-change",
    )
    story.save_revision().publish()
    assert story.locale.language_code == "es"

    translation = submit(client, story, locales["en"])
    client.force_login(translator)
    english_words = {
        "Audiencias de presupuesto en Bogotá": "Budget hearings in Bogotá",
        "Los datos abiertos necesitan intérpretes": "Open data needs interpreters",
    }
    translate_offline(client, translation, english_words)
    english = publish_translation(client, translation, django_capture_on_commit_callbacks)
    assert english.locale.language_code == "en"
    assert english.get_parent().pk == profile.pk  # under the partner's English profile
    html = public(english.url).content.decode()
    assert "Budget hearings in Bogotá" in html and "Open data needs interpreters" in html
    # Spanish is the source: the translator may not edit it.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code == 403
    assert status_of(client, "Audiencias de presupuesto en Bogotá", "es") == "source"


def test_partner_cannot_open_the_translation_editor_of_another_partners_story(
    client, network, locales, django_user_model
):
    from network.onboarding import onboard_partner

    story = make_story(network["beta"], "Beta's story", lessons=1)
    story.save_revision().publish()
    editor = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(editor)
    translation = submit(client, story, locales["fr"])
    french = translation.get_target_instance()

    alpha_user = onboard_partner(network["alpha"].title, email="alpha@example.org").user
    client.force_login(alpha_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert response.status_code in (302, 403)
    assert b"translation-editor" not in response.content
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert client.get(download).status_code in (302, 403, 404)


def test_partner_permissions_follow_its_profile_into_every_language(
    client, network, locales, django_capture_on_commit_callbacks
):
    from wagtail_localize.operations import translate_object

    from network.onboarding import onboard_partner

    alpha_user = onboard_partner(network["alpha"].title, email="alpha@example.org").user
    translate_object(network["alpha"], [locales["es"]])
    translate_object(network["beta"], [locales["es"]])
    alpha_es = network["alpha"].get_translation(locales["es"])
    beta_es = network["beta"].get_translation(locales["es"])

    client.force_login(alpha_user)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[alpha_es.pk])).status_code == 200
    add_story = reverse("wagtailadmin_pages:add", args=["stories", "casestorypage", alpha_es.pk])
    assert client.get(add_story).status_code == 200
    refused = client.get(reverse("wagtailadmin_pages:edit", args=[beta_es.pk]))
    assert refused.status_code == 302 and refused.headers["Location"] == reverse(
        "wagtailadmin_home"
    )
