"""``import_stories`` with ``language:``: a story in its own locale, under its partner's page in
that language, and ``onboard_partner --locales``."""

from io import StringIO
from textwrap import dedent

from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from hub.factories import ThemeFactory
from network.models import PartnerProfilePage
from search.models import IndexedDocument
from stories.models import CaseStoryPage, Lesson

pytestmark = pytest.mark.django_db

STORY = """\
---
title: {title}
language: {language}
partner: alpha
date: 2024-05-02
standfirst: {standfirst}
themes: [education]
collaborative: open-budgets
partners: [beta]
lessons:
  - headline: {headline}
    explanation: {explanation}
    kind: what-worked
    themes: [education]
---
{body}
"""

FRENCH = {
    "title": "Des audiences budgétaires ouvertes",
    "language": "fr",
    "standfirst": "Un comté a ouvert ses audiences budgétaires au public.",
    "headline": "Publier le calendrier tôt",
    "explanation": "Les habitants venaient quand ils connaissaient les dates.",
    "body": "## Ce qui s'est passé\n\nLes audiences étaient annoncées à la radio.",
}
SPANISH = {
    "title": "Presupuestos participativos en el barrio",
    "language": "es",
    "standfirst": "Un municipio abrió su presupuesto a los vecinos.",
    "headline": "Escuchar antes de decidir",
    "explanation": "Las asambleas de barrio cambiaron las prioridades.",
    "body": "## Lo que pasó\n\nLas asambleas se reunieron cada mes.",
}


@pytest.fixture
def french_site(network, homes, locales):
    """French pages as the demo has them: the partners index translated and published, and
    the theme "education" translated. Spanish has neither."""
    index = network["partner_index"].copy_for_translation(locales["fr"])
    index.title = "Partenaires"
    index.save_revision().publish()
    ThemeFactory(
        name="Éducation",
        slug="education",
        locale=locales["fr"],
        translation_key=network["education"].translation_key,
    )
    return network


def write(tmp_path, name, fields):
    path = tmp_path / name
    path.write_text(dedent(STORY.format(**fields)), encoding="utf-8")
    return path


def run(command, *args):
    out, err = StringIO(), StringIO()
    call_command(command, *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_french_and_spanish_stories_go_into_their_own_locale(
    tmp_path, client, french_site, locales, django_capture_on_commit_callbacks
):
    french = write(tmp_path, "fr.md", FRENCH)
    spanish = write(tmp_path, "es.md", SPANISH)
    with django_capture_on_commit_callbacks(execute=True):
        out, err = run("import_stories", french, spanish, "--publish")
    assert "2 created" in out
    assert err == ""

    alpha = french_site["alpha"]
    for fields, code in ((FRENCH, "fr"), (SPANISH, "es")):
        story = CaseStoryPage.objects.get(title=fields["title"])
        assert story.live
        assert story.locale == locales[code]
        assert story.url.startswith(f"/{code}/partners/alpha/")
        assert client.get(story.url).status_code == 200
        assert set(Lesson.objects.filter(story=story).values_list("locale", flat=True)) == {
            locales[code].pk
        }
        # The profile's page in that language is a draft translation of the English one.
        profile = story.get_parent().specific
        assert profile.translation_key == alpha.translation_key
        assert profile.locale == locales[code]
        assert not profile.live
        assert client.get(profile.url).status_code == 404
        # Indexed in the story's language, story and lesson alike.
        indexed = IndexedDocument.objects.filter(source=f"stories.casestorypage:{story.pk}")
        assert sorted(indexed.values_list("kind", "locale")) == [("lesson", code), ("story", code)]

    french_story = CaseStoryPage.objects.get(title=FRENCH["title"])
    assert [t.name for t in french_story.themes.all()] == ["Éducation"]  # the French theme
    spanish_story = CaseStoryPage.objects.get(title=SPANISH["title"])
    assert [t.locale_id for t in spanish_story.themes.all()] == [locales["en"].pk]  # the source
    # The partners index had no Spanish page: wagtail-localize made one as it does in the admin.
    assert spanish_story.get_parent().get_parent().locale == locales["es"]

    # Visitors are sent to the live profile, never to the draft.
    page = client.get(french_story.url).content.decode()
    assert f'href="{alpha.url}"' in page
    assert 'href="/fr/partners/alpha/"' not in page


def test_reimport_finds_the_story_in_its_language(tmp_path, client, french_site, locales, editor):
    path = write(tmp_path, "fr.md", FRENCH)
    run("import_stories", path)
    story = CaseStoryPage.objects.get(locale=locales["fr"])
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code == 200
    profile = story.get_parent()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[profile.pk])).status_code == 200
    out, _err = run("import_stories", path)
    assert "1 unchanged" in out
    assert CaseStoryPage.objects.filter(locale=locales["fr"]).count() == 1
    assert PartnerProfilePage.objects.filter(slug="alpha", locale=locales["fr"]).count() == 1


def test_an_unknown_language_is_an_error_with_its_line(tmp_path, french_site):
    path = write(tmp_path, "xx.md", {**FRENCH, "language": "pt"})
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_stories", str(path), stdout=StringIO(), stderr=err)
    assert f"{path}:3: unknown language 'pt' (use one of en, fr, es)" in err.getvalue()
    assert not CaseStoryPage.objects.exists()
    assert not PartnerProfilePage.objects.exclude(locale__language_code="en").exists()


def test_onboard_partner_creates_the_profile_in_other_languages(french_site, homes, locales):
    out, _err = run("onboard_partner", "Gamma Network", "--locales", "fr", "es")
    source = PartnerProfilePage.objects.get(title="Gamma Network", locale=locales["en"])
    assert not source.live  # a draft until an editor publishes it
    for code in ("fr", "es"):
        translation = source.get_translation(locales[code])
        assert not translation.live  # a draft for translators, never an untranslated copy
        assert f"{code}: {translation.get_full_url()} (draft translation created)" in out
    out, _err = run("onboard_partner", "Gamma Network", "--locales", "fr")
    assert "Profile in fr: " in out and "(already there)" in out.split("Profile in fr: ")[1]
    assert PartnerProfilePage.objects.filter(translation_key=source.translation_key).count() == 3


def test_onboard_partner_rejects_an_unknown_language(french_site):
    with pytest.raises(CommandError, match="Unknown language pt"):
        run("onboard_partner", "Gamma Network", "--locales", "fr", "pt")
    assert not PartnerProfilePage.objects.filter(title="Gamma Network").exists()
