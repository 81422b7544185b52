"""Search documents of a story (one for the story, one for each lesson) and the facet labels
of lesson kinds and audiences.

A lesson is a result of its own: its URL is the story's with the lesson's anchor, and it shows
the story and partner it comes from. Facet values are stable keys (ISO codes, M49 codes, slugs,
choice values); the label resolvers below turn them into words in the reader's language.
"""

from django.utils import translation
from django.utils.html import strip_tags

from hub.audiences import Audience
from hub.public_url import site_path
from hub.regions import region_codes_for
from search.documents import SearchDocument, register_documents, register_labels

from .models import CaseStoryPage, LessonKind


def _body_text(story) -> str:
    parts = []
    for block in story.body:
        if block.block_type in ("section", "results", "quote"):
            parts.append(strip_tags(block.render()))
    return " ".join(" ".join(parts).split())


@register_documents(
    CaseStoryPage, queryset=lambda: CaseStoryPage.objects.live().public().specific()
)
def story_documents(story) -> list[SearchDocument]:
    partner = story.get_partner()
    partners = [p.slug for p in story.partners_involved.all()]
    if partner is not None:
        partners.append(partner.slug)
    countries = [country.code for country in story.countries]
    story_themes = [theme.slug for theme in story.themes.all()]
    collaboratives = [story.collaborative.slug] if story.collaborative_id else []
    organisation_types = [partner.organisation_type] if partner is not None else []
    lessons = list(story.lessons.all())
    url = site_path(story)
    # A date known only to the month or year is shown as such in results (hub.partial_dates).
    dated = {} if story.date_precision == "day" else {"date_precision": story.date_precision}
    common = {
        "locale": story.locale.language_code,
        "date": story.publication_date,
        "countries": countries,
        "regions": region_codes_for(countries),
        "collaboratives": collaboratives,
        "partners": partners,
        "organisation_types": organisation_types,
    }
    documents = [
        SearchDocument(
            id=f"story:{story.pk}",
            source=f"stories.casestorypage:{story.pk}",
            kind="story",
            title=story.title,
            url=url,
            summary=story.standfirst,
            body=" ".join(
                [_body_text(story), *story.other_organisation_names()]
                + [f"{x.headline}. {x.explanation}" for x in lessons]
            ),
            themes=story_themes,
            lesson_types=[lesson.kind for lesson in lessons],
            audiences=[a for lesson in lessons for a in lesson.audiences],
            display={"partner_name": partner.title if partner else "", **dated},
            translation_key=str(story.translation_key),
            **common,
        )
    ]
    for lesson in lessons:
        documents.append(
            SearchDocument(
                id=f"lesson:{lesson.pk}",
                source=f"stories.casestorypage:{story.pk}",
                kind="lesson",
                title=lesson.headline,
                url=f"{url}#{lesson.anchor}",
                summary=lesson.explanation,
                body=lesson.explanation,
                themes=sorted(set(lesson.themes) | set(story_themes)),
                lesson_types=[lesson.kind],
                audiences=lesson.audiences,
                display={
                    "story_title": story.title,
                    "partner_name": partner.title if partner else "",
                    **dated,
                },
                translation_key=str(lesson.translation_key),
                **common,
            )
        )
    return documents


def _choice_labels(choices, keys, language):
    with translation.override(language):
        return {key: str(choices(key).label) for key in keys if key in choices.values}


@register_labels("lesson_type", vocabulary=lambda: LessonKind.values)
def lesson_type_labels(keys, language):
    return _choice_labels(LessonKind, keys, language)


@register_labels("audience", vocabulary=lambda: Audience.values)
def audience_labels(keys, language):
    return _choice_labels(Audience, keys, language)
