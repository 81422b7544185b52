"""What story templates need, fetched in a fixed number of queries whatever the content size."""

from django.core.exceptions import ObjectDoesNotExist

from django_countries import countries as country_names

from hub.themes import localized_themes
from hub.visibility import is_visible
from network.models import PartnerProfilePage
from stories.licences import deed_url, short_name


def _visible_relation(story, name):
    """A page or image the story points to, or None when it is gone, or a page visitors
    cannot see. Served stories have these loaded already (``select_related_when_served``)."""
    try:
        target = getattr(story, name)
    except ObjectDoesNotExist:  # a preview can point to something deleted since
        return None
    if target is None or (hasattr(target, "live") and not is_visible(target)):
        return None
    return target


def in_story_language(story, pages):
    """The pages a story links to, each as its live, public translation in the story's
    language where there is one: relations are synchronised across translations, so a French
    story points at the English collaborative and partners. One query, and none when every
    page is in the story's language already."""
    foreign = [page for page in pages if page is not None and page.locale_id != story.locale_id]
    if not foreign:
        return pages
    from hub.visibility import page_queryset

    translated = {
        page.translation_key: page
        for page in page_queryset()
        .live()
        .public()
        .filter(
            locale_id=story.locale_id,
            translation_key__in={page.translation_key for page in foreign},
        )
    }
    return [
        translated.get(page.translation_key, page) if page in foreign else page for page in pages
    ]


def story_context(story) -> dict:
    # Through the relation, not Lesson.objects: a preview shows the unsaved lessons.
    lessons = list(story.lessons.all())
    involved = story.partners_involved.all()
    if not hasattr(involved, "live"):
        # A preview renders a revision: its relations are in memory, not querysets.
        involved = PartnerProfilePage.objects.filter(pk__in=[p.pk for p in involved])
    partners_involved = list(involved.live().public().order_by("title"))
    lesson_theme_keys = {key for lesson in lessons for key in lesson.themes}
    themes = localized_themes(list(story.themes.all()), story.locale_id)
    lesson_themes = {
        theme.slug: theme for theme in localized_themes(sorted(lesson_theme_keys), story.locale_id)
    }
    for lesson in lessons:
        lesson.theme_list = [lesson_themes[key] for key in lesson.themes if key in lesson_themes]
    collaborative = _visible_relation(story, "collaborative")
    collaborative, *partners_involved = in_story_language(
        story, [collaborative, *partners_involved]
    )
    return {
        # A story in a language its partner's profile is not translated into yet sits below a
        # draft: visitors go to the profile's live page in another language.
        "partner": story.public_partner(),
        "lessons": lessons,
        "partners_involved": partners_involved,
        "other_organisations": story.other_organisation_names(),
        "theme_list": themes,
        "tag_list": list(story.tags.all()),
        "country_list": [(c.code, country_names.name(c.code)) for c in story.countries],
        "collaborative": collaborative,
        "hero_image": _visible_relation(story, "hero_image"),
        "licence": {"name": short_name(story.licence), "deed": deed_url(story.licence)},
    }
