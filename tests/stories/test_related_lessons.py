"""Related lessons on a story page: lessons of other stories, nearest in meaning, in any
language, shown in the visitor's language where they can be; never from a draft or a
private story. Real sentence encoder (the ``semantic`` fixture)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from hub.content_version import bump_version
from search.models import DocumentVector
from search.semantic import related_lessons
from stories.factories import CaseStoryPageFactory, LessonFactory
from stories.models import CaseStoryPage
from tests.security.test_query_counts import STORY_PAGE_QUERIES
from tests.support.queries import assert_max_queries, count_queries

pytestmark = pytest.mark.django_db

BUDGET = (
    "Invite residents to shape the municipal budget",
    "Residents who helped decide how the city's budget was spent trusted the council more "
    "and came back to every public hearing.",
)


def story_with(parent, title, lessons, publish, **kwargs):
    story = CaseStoryPageFactory(parent=parent, title=title, standfirst=title, **kwargs)
    for headline, explanation in lessons:
        LessonFactory(story=story, headline=headline, explanation=explanation)
    story = CaseStoryPage.objects.get(pk=story.pk)
    publish(lambda: story.save_revision().publish())
    return story


def in_french(page, publish, title=None):
    """Translate a page into French and publish it (with the French ancestors that are
    drafts; the untranslated copies of the others stay offline)."""
    from wagtail.models import Locale

    french = page.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    for ancestor in (
        french.get_ancestors(inclusive=True).not_live().filter(alias_of=None).specific()
    ):
        if title and ancestor.pk == french.pk:
            ancestor.title = title
        publish(lambda ancestor=ancestor: ancestor.save_revision().publish())
    return french.specific_class.objects.get(pk=french.pk)


@pytest.fixture
def stories(network, homes, publish):
    """An English story on participatory budgets; a French-only one on the same subject; an
    English one on water budgets with a French translation; a draft and a private story
    that say the same as the first."""
    english = story_with(
        network["alpha"],
        "Citizens in the budget",
        [BUDGET, ("Hold hearings in the evening", "Working people could only come after six.")],
        publish,
    )
    water = story_with(
        network["beta"],
        "Open water budgets",
        [
            (
                "Publish the water budget for village committees",
                "Committees that could read how the water budget was spent asked the council "
                "better questions and got their pumps repaired sooner.",
            )
        ],
        publish,
    )
    water_fr = in_french(water, publish, title="Des budgets de l'eau ouverts")
    lesson = water_fr.lessons.get()
    lesson.headline = "Publier le budget de l'eau pour les comités de village"
    lesson.explanation = (
        "Les comités qui pouvaient lire comment le budget de l'eau était dépensé ont posé de "
        "meilleures questions au conseil et fait réparer leurs pompes plus vite."
    )
    lesson.save()
    publish(lambda: CaseStoryPage.objects.get(pk=water_fr.pk).save_revision().publish())
    alpha_fr = in_french(network["alpha"], publish)
    french = story_with(
        alpha_fr,
        "Les habitants décident du budget",
        [
            (
                "Associer les habitants aux choix du budget communal",
                "Quand les habitants ont choisi eux-mêmes les dépenses de la commune, ils ont "
                "fait davantage confiance au conseil municipal.",
            )
        ],
        publish,
        slug="les-habitants-decident",
    )
    draft = CaseStoryPageFactory(parent=network["beta"], title="Budget draft", live=False)
    LessonFactory(story=draft, headline="Draft: " + BUDGET[0], explanation=BUDGET[1])
    private = story_with(
        network["beta"], "Budget private", [("Private: " + BUDGET[0], BUDGET[1])], publish
    )
    publish(
        PageViewRestriction.objects.create,
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    return {
        "english": english,
        "water": water,
        "water_fr": water_fr,
        "french": french,
        "draft": draft,
        "private": private,
    }


def related(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").select_one(".related-lessons")
    if section is None:
        return []
    return [
        {
            "headline": item.a.get_text(),
            "href": item.a["href"],
            "lang": item.get("lang"),
            "label": " ".join(label.get_text() for label in item.select(".search-language")),
        }
        for item in section.select("li")
    ]


def test_related_lessons_cross_languages_with_a_label(client, semantic, stories):
    on_english = related(client, stories["english"])
    by_headline = {item["headline"]: item for item in on_english}
    french = by_headline["Associer les habitants aux choix du budget communal"]
    assert french["lang"] == "fr" and french["label"] == "Français"
    assert (
        french["href"]
        == f"{stories['french'].url}#lesson-associer-les-habitants-aux-choix-du-budget-communal"
    )
    water = by_headline["Publish the water budget for village committees"]
    assert water["lang"] is None and water["label"] == ""  # in the visitor's language
    assert water["href"].startswith(stories["water"].url)

    on_french = {item["headline"]: item for item in related(client, stories["french"])}
    english = on_french[BUDGET[0]]
    assert english["lang"] == "en" and english["label"] == "English"
    # The water lesson has a French translation: the French page shows that, unlabelled.
    water = on_french["Publier le budget de l'eau pour les comités de village"]
    assert water["label"] == "" and water["href"].startswith(stories["water_fr"].url)
    assert "Publish the water budget for village committees" not in on_french


def test_never_the_storys_own_lessons_nor_drafts_or_private_stories(client, semantic, stories):
    for story in ("english", "water", "water_fr", "french"):
        headlines = {item["headline"] for item in related(client, stories[story])}
        assert len(headlines) <= 5
        own = {lesson.headline for lesson in stories[story].lessons.all()}
        assert not own & headlines
        assert not {h for h in headlines if h.startswith(("Draft:", "Private:"))}, headlines
    # The water story in French is the same story: its lessons are not "other stories".
    on_water_fr = {item["headline"] for item in related(client, stories["water_fr"])}
    assert "Publish the water budget for village committees" not in on_water_fr
    for story in ("draft", "private"):
        source = f"stories.casestorypage:{stories[story].pk}"
        assert not DocumentVector.objects.filter(source=source).exists()
        assert related_lessons(stories[story]) == []


def test_unpublishing_a_story_takes_its_lessons_off_other_pages(client, semantic, stories, publish):
    assert BUDGET[0] in {item["headline"] for item in related(client, stories["french"])}
    publish(CaseStoryPage.objects.get(pk=stories["english"].pk).unpublish)
    assert BUDGET[0] not in {item["headline"] for item in related(client, stories["french"])}


def test_related_lessons_cost_no_query_once_cached(client, semantic, stories, settings):
    story = stories["english"]
    assert related(client, story)
    assert_max_queries(client, story.url, STORY_PAGE_QUERIES)
    cached = count_queries(client, story.url)
    settings.SEARCH_SEMANTIC = False
    assert count_queries(client, story.url) == cached  # the cached list costs no query

    settings.SEARCH_SEMANTIC = True
    bump_version()  # another page was published: the list is worked out again
    with CaptureQueriesContext(connection) as first:
        assert related_lessons(story)
    with CaptureQueriesContext(connection) as second:
        related_lessons(story)
    assert len(first) <= 2, [query["sql"] for query in first.captured_queries]
    assert len(second) == 0


def test_no_related_lessons_when_turned_off(client, semantic, stories, settings):
    settings.SEARCH_SEMANTIC = False
    assert related(client, stories["english"]) == []
