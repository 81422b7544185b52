"""The home page's ways in: the network in numbers, the latest lessons and stories, and
browsing by theme and by region.

Counts are of items, not of their translations (a story in three languages is one story),
over live public pages only; they are remembered per content version (``hub.remembered``), so a
publish shows in them at once and an unchanged site never counts twice.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from urllib.parse import urlencode

from django.utils import translation

from .regions import placement, region_name
from .remembered import locale_ids, remember
from .themes import themes_by_locale

LATEST_STORIES = 3
LATEST_LESSONS = 4


def _stories():
    from stories.models import CaseStoryPage

    return CaseStoryPage.objects.live().public()


def network_numbers() -> dict[str, int]:
    def count():
        from network.models import PartnerProfilePage
        from stories.models import Lesson

        from .models import HomePage

        stories = _stories()
        story_ids = stories.values("pk")
        partners = PartnerProfilePage.objects.live().public()
        countries = {c.code for s in stories.only("countries") for c in s.countries}
        countries |= {c.code for p in partners.only("countries") for c in p.countries}
        return {
            "lessons": Lesson.objects.filter(story__in=story_ids)
            .values("translation_key")
            .distinct()
            .count(),
            "stories": stories.values("translation_key").distinct().count(),
            "partners": partners.values("translation_key").distinct().count(),
            "countries": len(countries),
            "languages": HomePage.objects.live().values("locale").distinct().count(),
        }

    return remember("home:numbers", count)


def latest_stories(language: str) -> list:
    stories = _stories().filter(locale__language_code=language)
    return list(stories.order_by("-publication_date", "-pk")[:LATEST_STORIES])


def latest_lessons(language: str) -> list:
    """The newest stories' lessons, one per story first so that one story does not fill it."""
    from stories.models import Lesson

    lessons = (
        Lesson.objects.filter(story__in=_stories().filter(locale__language_code=language))
        .select_related("story")
        .order_by("-story__publication_date", "story_id", "sort_order")[:40]
    )
    first, rest, seen = [], [], set()
    for lesson in lessons:
        (rest if lesson.story_id in seen else first).append(lesson)
        seen.add(lesson.story_id)
    return (first + rest)[:LATEST_LESSONS]


def sort_key(name: str) -> str:
    """Alphabetical order as readers expect it: "Éducation" among the E's, not after Z."""
    letters = unicodedata.normalize("NFKD", name)
    return "".join(c for c in letters if not unicodedata.combining(c)).casefold()


def theme_links(language: str) -> list[dict]:
    themes = themes_by_locale().get(locale_ids().get(language), {})
    return [
        {"name": theme.name, "href": f"/{language}/search/?" + urlencode({"theme": slug})}
        for slug, theme in sorted(themes.items(), key=lambda pair: sort_key(pair[1].name))
    ]


def region_links(language: str) -> list[dict]:
    """The continents the network's stories come from, with how many stories each."""

    def count():
        counts = Counter()
        for story in _stories().filter(locale__language_code=language).only("countries"):
            regions = {placement(c.code).region for c in story.countries if placement(c.code)}
            counts.update(regions)
        return dict(counts)

    counts = remember(f"home:regions:{language}", count)
    with translation.override(language):
        links = [
            {
                "name": region_name(code, language),
                "count": total,
                "href": f"/{language}/search/?" + urlencode({"region": code, "kind": "story"}),
            }
            for code, total in counts.items()
        ]
    return sorted(links, key=lambda link: sort_key(link["name"]))
