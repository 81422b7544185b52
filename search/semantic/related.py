"""Related lessons on a story page: lessons of other stories, in any language, nearest in
meaning to the story.

The story is represented by the mean of its own vectors (the story document and each of its
lessons), so the lessons found are close to what the story as a whole learned rather than to
one of its lessons. Lessons of the story itself, in every language, are left out. A lesson
appears once, in the visitor's language when it has a translation there (a translation with
a vector is live and public, like every vector), else in its own language, which the page
labels.

Only the vectors say what is related, so a draft or private story (no vectors) neither shows
related lessons nor appears among them. The list is cached per content version: every
publish, unpublish, move or delete makes it stale, on every story page at once.
"""

from __future__ import annotations

from django.core.cache import cache

import numpy as np

from hub.content_version import current_version
from hub.languages import language_name
from search.semantic.encoder import MIN_SCORE, enabled
from search.semantic.index import VectorIndex, current_index

LIMIT = 5
CACHE_SECONDS = 24 * 3600


def related_lessons(story, request=None, limit: int = LIMIT) -> list[dict]:
    """Up to ``limit`` lessons for the story page, best first, each a dict with
    ``headline``, ``url``, ``story_title``, ``language``, ``language_name`` and
    ``other_language``."""
    if not enabled() or story.pk is None:
        return []
    # A story page has one language, so the story identifies the list.
    key = f"hub:related-lessons:{current_version()}:{story.pk}:{limit}"
    items = cache.get(key)
    if items is None:
        index = current_index()
        picks = nearest_lessons(index, story, limit)
        items = _display(picks, _language(index, story), request)
        cache.set(key, items, CACHE_SECONDS)
    # Named here, not in the cached list: what a cache filled by an earlier release holds
    # gets the name too.
    return [{**item, "language_name": language_name(item["language"])} for item in items]


def _language(index: VectorIndex, story) -> str:
    """The story's language, from its own document (no query)."""
    row = index.rows.get(f"story:{story.pk}")
    return str(index.locales[row]) if row is not None else ""


def nearest_lessons(index: VectorIndex, story, limit: int) -> list[tuple[str, str]]:
    """(lesson document id, its language) of the lessons to show, best first."""
    source = f"stories.casestorypage:{story.pk}"
    sources = index.sources
    own = np.flatnonzero(sources == source)
    if not len(own) or not limit:
        return []
    language = _language(index, story)
    query = index.matrix[own].sum(axis=0)
    query /= max(float(np.linalg.norm(query)), 1e-12)
    # The story in every language: the sources of the story documents it shares a key with.
    translations = (index.kinds == "story") & (index.translation_keys == str(story.translation_key))
    excluded = {source, *sources[translations]}
    lessons = index.kinds == "lesson"
    allowed = lessons & ~np.isin(sources, list(excluded))
    # Each lesson may have a row per language: look far enough to find ``limit`` lessons.
    ranked = index.top(index.scores(query), limit * 8, MIN_SCORE, allowed)
    picks, seen = [], set()
    for row, _score in ranked:
        key = index.translation_keys[row] or index.doc_ids[row]
        if key in seen:
            continue
        seen.add(key)
        row = _in_language(index, row, language, lessons)
        picks.append((index.doc_ids[row], str(index.locales[row])))
        if len(picks) == limit:
            break
    return picks


def _in_language(index: VectorIndex, row: int, language: str, lessons: np.ndarray) -> int:
    """The row of the same lesson in ``language`` when it has one, else ``row``."""
    key = index.translation_keys[row]
    if not key or index.locales[row] == language:
        return row
    same = np.flatnonzero(lessons & (index.translation_keys == key) & (index.locales == language))
    return int(same[0]) if len(same) else row


def _display(picks: list[tuple[str, str]], language: str, request) -> list[dict]:
    """What the page shows of each lesson: one query for all of them."""
    from stories.models import Lesson

    pks = [int(doc_id.split(":", 1)[1]) for doc_id, _locale in picks]
    lessons = Lesson.objects.filter(pk__in=pks).select_related("story").in_bulk()
    items = []
    for pk, (_doc_id, locale) in zip(pks, picks, strict=True):
        lesson = lessons.get(pk)
        if lesson is None:  # deleted since its vector was read: the next version drops it
            continue
        story_url = lesson.story.get_url(request) or ""
        items.append(
            {
                "headline": lesson.headline,
                "url": f"{story_url}#{lesson.anchor}",
                "story_title": lesson.story.title,
                "language": locale,
                "other_language": locale != language,
            }
        )
    return items
