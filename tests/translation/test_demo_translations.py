"""The demo ships French and Spanish translations made through wagtail-localize."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest
import yaml
from bs4 import BeautifulSoup

from hub.translation.demo import TRANSLATIONS_FILE

pytestmark = pytest.mark.django_db

STORY = "/partners/iid/planning-equality-20-in-one-day-in-dhaka/"
TOPIC = "/toolkit/recommendations-for-donors/"


def strings_of(path, code):
    entries = yaml.safe_load(TRANSLATIONS_FILE.read_text(encoding="utf-8"))
    [entry] = [entry for entry in entries if entry["page"] == path]
    return {string["en"]: string[code] for string in entry["strings"]}


def main_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.html["lang"], " ".join(soup.select_one("main").get_text(" ").split())


@pytest.mark.parametrize("code", ["fr", "es"])
def test_demo_story_topic_and_home_are_translated(client, monkeypatch, code):
    monkeypatch.setenv("HUB_ADMIN_PASSWORD", "a-long-demo-password")
    call_command("load_demo_content", stdout=StringIO())
    locale = Locale.objects.get(language_code=code)

    for path in (STORY, TOPIC):
        source = Page.objects.get(url_path=f"/home{path}", locale__language_code="en")
        translated = source.get_translation(locale)
        assert translated.live
        # A real wagtail-localize translation: the status report and the sync work on it.
        assert Translation.objects.filter(
            source__object_id=source.translation_key, target_locale=locale
        ).exists()
        lang, text = main_text(client, translated.url)
        assert lang == code
        words = strings_of(path, code)
        assert words[source.title] in text
        assert source.title not in text
    story = Page.objects.get(url_path=f"/home{STORY}", locale__language_code="en").specific
    _lang, text = main_text(client, story.get_translation(locale).url)
    for lesson in story.lessons.all():
        assert strings_of(STORY, code)[lesson.headline] in text
    # Every string of every translated demo page has its translation: no English paragraph is
    # left in a French page (paragraphs wrapped in the file are one line in the page).
    for source in TranslationSource.objects.all():
        if not Translation.objects.filter(source=source, target_locale=locale).exists():
            continue
        for segment in source.stringsegment_set.select_related("string", "context"):
            assert (
                StringTranslation.objects.filter(
                    translation_of=segment.string, locale=locale, context=segment.context
                ).exists()
                or segment.string.data == "CC BY 4.0"
            ), (
                source.get_source_instance(),
                segment.string.data[:80],
            )
    assert main_text(client, f"/{code}/")[0] == code
