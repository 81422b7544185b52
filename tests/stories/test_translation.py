"""A story goes through wagtail-localize: text is translated, keys and anchors stay in sync."""

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from stories.factories import LessonFactory
from stories.models import CaseStoryPage

from .conftest import make_story

pytestmark = pytest.mark.django_db


def test_story_translates_with_lessons_and_keeps_anchors(client, network, homes, locales):
    story = make_story(network["alpha"], "Listening first", lessons=0, countries=["BD"])
    LessonFactory(story=story, headline="Listen", slug="listen", audiences=["donors"])
    story.save_revision().publish()
    story = CaseStoryPage.objects.get(pk=story.pk)

    source, _created = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    for segment in source.stringsegment_set.select_related("string"):
        if segment.string.data == "Listen":
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locales["fr"],
                context=segment.context,
                data="Écouter",
            )
    translation.save_target(publish=True)

    french = story.get_translation(locales["fr"])
    (lesson,) = french.lessons.all()
    assert lesson.headline == "Écouter"
    assert lesson.slug == "listen"
    assert lesson.audiences == ["donors"]
    assert lesson.locale == locales["fr"]
    assert [c.code for c in french.countries] == ["BD"]
    # The French story stays a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off) until
    # someone publishes it; the copies of the partner's section and profile made along the way
    # stay offline until they are translated (hub.translation.untranslated_copies).
    assert client.get(french.url).status_code == 404
    for ancestor in (
        french.get_ancestors(inclusive=True).not_live().filter(alias_of=None).specific()
    ):
        ancestor.save_revision().publish()
    response = client.get(french.url)
    assert response.status_code == 200
    assert 'id="lesson-listen"' in response.content.decode()


def _publish_in_french(page, locales, title=None):
    french = page.copy_for_translation(locales["fr"], copy_parents=True)
    for ancestor in (
        french.get_ancestors(inclusive=True).not_live().filter(alias_of=None).specific()
    ):
        if title and ancestor.pk == french.pk:
            ancestor.title = title
        ancestor.save_revision().publish()
    return french.specific_class.objects.get(pk=french.pk)


def test_a_translated_story_links_to_pages_in_its_own_language(client, network, homes, locales):
    """Relations are synchronised, so the French story holds the English collaborative and
    partners: it links to their French translations where they are live, else to them."""
    story = make_story(network["alpha"], "Listening first", collaborative=network["collaborative"])
    story.partners_involved.set([network["beta"]])
    story.save_revision().publish()
    collaborative = _publish_in_french(
        network["collaborative"], locales, title="Collaboratif Budgets ouverts"
    )
    french_story = _publish_in_french(CaseStoryPage.objects.get(pk=story.pk), locales)

    html = client.get(french_story.url).content.decode()
    assert f'href="{collaborative.url}">Collaboratif Budgets ouverts</a>' in html
    assert f'href="{network["beta"].url}">Beta Learning Lab</a>' in html  # no French page
    english = client.get(story.url).content.decode()
    assert f'href="{network["collaborative"].url}">Open Budgets Collaborative</a>' in english
