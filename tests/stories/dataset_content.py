"""The content the dataset tests read, built once per test module.

Four live stories: "Listening first" by Alpha in Kenya, with two lessons, translated into
French (lesson headlines in French), shared under CC BY-SA 4.0, with Beta involved and the
collaborative; one in Colombia (2019, a recommendation); one in the United States; one
in Nigeria by Beta. Hidden: a story that was never published and one behind a login, each
with a lesson whose headline holds a word found nowhere else.
"""

import contextlib
import datetime

from django.db import transaction

from wagtail.models import Locale, PageViewRestriction, Site

from hub.factories import ThemeFactory
from network.factories import (
    CollaborativeIndexPageFactory,
    LearningCollaborativePageFactory,
    PartnerIndexPageFactory,
    PartnerProfilePageFactory,
)
from network.models import OrganisationType
from stories.factories import CaseStoryPageFactory, LessonFactory, StoryIndexPageFactory
from stories.models import CaseStoryPage, LessonKind

HIDDEN_WORDS = ("Quokkadraftlesson", "Quokkaprivatelesson")
FRENCH_HEADLINES = {
    "Listen first": "Écouter d'abord",
    "Publish the minutes": "Publier le compte rendu",
}


def _publish(page):
    page = page.specific_class.objects.get(pk=page.pk)
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def _story(partner, title, lessons, **fields):
    fields.setdefault("publication_date", datetime.date(2024, 6, 13))
    story = CaseStoryPageFactory(parent=partner, title=title, **fields)
    for number, (headline, kind, audiences, themes) in enumerate(lessons):
        LessonFactory(
            story=story,
            headline=headline,
            kind=kind,
            audiences=audiences,
            themes=themes,
            explanation=f"Why {headline.lower()} mattered.",
            sort_order=number,
        )
    return _publish(story)


def build() -> dict:
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "es")
    }
    home = Site.objects.get(is_default_site=True).root_page.specific
    french_home = home.copy_for_translation(locales["fr"])
    french_home.save_revision().publish()
    partner_index = PartnerIndexPageFactory(parent=home)
    StoryIndexPageFactory(parent=home)
    alpha = PartnerProfilePageFactory(
        parent=partner_index,
        title="Alpha Budget Group",
        slug="alpha",
        organisation_type=OrganisationType.CSO,
    )
    beta = PartnerProfilePageFactory(
        parent=partner_index,
        title="Beta Learning Lab",
        slug="beta",
        organisation_type=OrganisationType.RESEARCH,
    )
    collaborative = LearningCollaborativePageFactory(
        parent=CollaborativeIndexPageFactory(parent=home),
        title="Open Budgets Collaborative",
        slug="open-budgets",
    )
    education = ThemeFactory(name="Education", slug="education")
    french_education = education.copy_for_translation(locales["fr"])
    french_education.name = "Éducation"
    french_education.save()
    health = ThemeFactory(name="Health", slug="health")

    listening = _story(
        alpha,
        "Listening first",
        [
            ("Listen first", LessonKind.WHAT_WORKED, ["donors", "csos"], ["health"]),
            ("Publish the minutes", LessonKind.WHAT_TO_CHANGE, ["governments"], []),
        ],
        countries=["KE"],
        publication_date=datetime.date(2021, 3, 1),
        date_precision="month",
        licence="CC-BY-SA-4.0",
        collaborative=collaborative,
        slug="listening-first",
    )
    listening.themes.set([education])
    listening.partners_involved.set([beta])
    listening.save_revision().publish()
    listening = CaseStoryPage.objects.get(pk=listening.pk)
    french = listening.copy_for_translation(locales["fr"], copy_parents=True)
    for ancestor in french.get_ancestors().not_live().filter(alias_of=None).specific():
        ancestor.save_revision().publish()
    french = CaseStoryPage.objects.get(pk=french.pk)
    french.title = "Écouter d'abord, puis agir"
    lessons = list(french.lessons.all())
    for lesson in lessons:
        lesson.headline = FRENCH_HEADLINES[lesson.headline]
    french.lessons = lessons
    french.save_revision().publish()
    french = CaseStoryPage.objects.get(pk=french.pk)

    stories = {
        "listening": listening,
        "french": french,
        "colombia": _story(
            beta,
            "Bogotá budget",
            [("Ask the council", LessonKind.RECOMMENDATION, ["facilitators"], [])],
            countries=["CO"],
            publication_date=datetime.date(2019, 5, 2),
        ),
        "ohio": _story(
            alpha,
            "Ohio budget",
            [("Count the chairs", LessonKind.WHAT_WORKED, [], [])],
            countries=["US"],
        ),
        "lagos": _story(
            beta,
            "Lagos budget",
            [("Open the ledger", LessonKind.WHAT_WORKED, ["donors"], [])],
            countries=["NG"],
        ),
    }
    draft = CaseStoryPageFactory(parent=alpha, title="Draft story", live=False)
    LessonFactory(story=draft, headline=f"{HIDDEN_WORDS[0]} headline")
    draft.save_revision()
    private = _story(
        alpha, "Private story", [(f"{HIDDEN_WORDS[1]} headline", LessonKind.WHAT_WORKED, [], [])]
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {
        "alpha": alpha,
        "beta": beta,
        "collaborative": collaborative,
        "health": health,
        "draft": draft,
        "private": private,
        **stories,
    }


@contextlib.contextmanager
def built_once(django_db_blocker):
    """``build()`` inside a transaction that is rolled back when the module is done: each
    test still runs in its own savepoint on top of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)
