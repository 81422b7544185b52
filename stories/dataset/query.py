"""Which lessons the dataset holds, how the search facets narrow them, and reading them a
chunk at a time.

A lesson is in the dataset when its story is live and no view restriction covers it: the
lessons anonymous visitors can read. The facets mean what they mean in search
(``stories/search_documents.py``): a lesson has its story's countries, regions, partners,
collaborative and year, its own kind and audiences, and its own themes with its story's.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr

from hub import regions
from hub.visibility import restricted_paths
from network.models import PartnerProfilePage
from stories.models import CaseStoryPage, Lesson

CHUNK_SIZE = 1000


def public_lessons():
    """Every lesson of a live, public story, in every language, by id."""
    hidden = Q()
    for path in restricted_paths():
        hidden |= Q(story__path__startswith=path)
    lessons = Lesson.objects.filter(story__live=True)
    if hidden:
        lessons = lessons.exclude(hidden)
    return lessons.order_by("id")


def chunks(lessons, size=CHUNK_SIZE):
    """``lessons`` (ordered by id) as lists of at most ``size``, one query each, picking up
    after the last id: memory stays that of one chunk however many lessons there are, and
    no database cursor stays open while a slow client reads a download."""
    last = 0
    while True:
        chunk = list(lessons.filter(id__gt=last)[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].id


def _keyed(field: str, keys) -> Q:
    """Lessons whose comma-separated ``field`` holds one of ``keys`` (django-countries stores
    "KE,UG"); one regular expression, however many keys (a region has dozens of countries)."""
    pattern = "|".join(sorted({key for key in keys if key.isalnum()}))
    return Q(**{f"{field}__regex": rf"(^|,)({pattern})(,|$)"}) if pattern else Q(pk__in=[])


def _any(field: str, keys) -> Q:
    q = Q()
    for key in keys:
        q |= Q(**{f"{field}__contains": f",{key},"})
    return q


def _stories_with(relation: str, **lookup) -> Q:
    through = getattr(CaseStoryPage, relation).through
    return Q(story_id__in=through.objects.filter(**lookup).values("casestorypage_id"))


def _published_by(**lookup) -> Q:
    """Lessons whose story's parent (its publishing partner) matches ``lookup``; needs the
    ``parent_path`` alias (``filtered``)."""
    parents = PartnerProfilePage.objects.filter(**lookup).values("path")
    return Q(Exists(parents.filter(path=OuterRef("parent_path"))))


FILTERS = {
    "country": lambda keys: _keyed("story__countries", keys),
    "region": lambda keys: _keyed(
        "story__countries", {c for key in keys for c in regions.countries_in(key)}
    ),
    "theme": lambda keys: _any("themes", keys) | _stories_with("themes", theme__slug__in=keys),
    "collaborative": lambda keys: Q(story__collaborative__slug__in=keys),
    "lesson_type": lambda keys: Q(kind__in=keys),
    "audience": lambda keys: _any("audiences", keys),
    "language": lambda keys: Q(locale__language_code__in=keys),
    "year": lambda keys: Q(story__publication_date__year__in=[int(k) for k in keys]),
}


def filtered(lessons, filters: dict):
    """``lessons`` narrowed by search filters (``SearchRequest.filters``): values of one facet
    are OR-ed, facets AND-ed. Facets that no lesson carries (a resource type, a kind other
    than "lesson") match nothing."""
    steplen = CaseStoryPage.steplen
    lessons = lessons.alias(parent_path=Substr("story__path", 1, Length("story__path") - steplen))
    for facet, keys in filters.items():
        if facet == "kind":
            if "lesson" not in keys:
                return lessons.none()
        elif facet == "resource_type":
            return lessons.none()
        elif facet == "organisation_type":
            lessons = lessons.filter(_published_by(organisation_type__in=keys))
        elif facet == "partner":
            lessons = lessons.filter(
                _published_by(slug__in=keys)
                | _stories_with("partners_involved", partnerprofilepage__slug__in=keys)
            )
        else:
            lessons = lessons.filter(FILTERS[facet](keys))
    return lessons
