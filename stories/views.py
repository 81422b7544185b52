"""What story templates need, fetched in a fixed number of queries whatever the content size."""

from wagtail.images import get_image_model

from django_countries import countries as country_names

from hub.models import PartnerProfilePage
from hub.themes import localized_themes


def attach_partners(stories) -> None:
    """Give each story its publishing partner (its parent page) with one query for all."""
    stories = list(stories)
    if not stories:
        return
    steplen = stories[0].steplen
    parent_paths = {story.path[:-steplen] for story in stories}
    partners = {p.path: p for p in PartnerProfilePage.objects.filter(path__in=parent_paths)}
    for story in stories:
        story._partner = partners.get(story.path[:-steplen])


def story_context(story) -> dict:
    # Through the relation, not Lesson.objects: a preview shows the unsaved lessons.
    lessons = list(story.lessons.all())
    involved = story.partners_involved.all()
    if not hasattr(involved, "live"):
        # A preview renders a revision: its relations are in memory, not querysets.
        involved = PartnerProfilePage.objects.filter(pk__in=[p.pk for p in involved])
    partners_involved = list(involved.live().public().order_by("title"))
    lesson_theme_keys = {key for lesson in lessons for key in lesson.themes}
    themes = localized_themes(list(story.themes.all()), story.locale)
    lesson_themes = {
        theme.slug: theme for theme in localized_themes(sorted(lesson_theme_keys), story.locale)
    }
    for lesson in lessons:
        lesson.theme_list = [lesson_themes[key] for key in lesson.themes if key in lesson_themes]
    collaborative = None
    if story.collaborative_id:
        from hub.models import LearningCollaborativePage

        collaborative = (
            LearningCollaborativePage.objects.live()
            .public()
            .filter(pk=story.collaborative_id)
            .first()
        )
    hero = None
    if story.hero_image_id:
        hero = get_image_model().objects.filter(pk=story.hero_image_id).first()
    return {
        "partner": story.get_partner(),
        "lessons": lessons,
        "partners_involved": partners_involved,
        "theme_list": themes,
        "tag_list": list(story.tags.all()),
        "country_list": [(c.code, country_names.name(c.code)) for c in story.countries],
        "collaborative": collaborative,
        "hero_image": hero,
    }
