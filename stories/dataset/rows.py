"""The rows of the lessons dataset: one dict per lesson translation, with ``columns.NAMES``
as keys, built a chunk of lessons at a time in a fixed number of queries per chunk.

What is read once per export (partners, collaboratives, themes, labels) is small whatever
the number of lessons; what grows with them (stories, their themes, partners involved and
translations) is read per chunk and dropped with it. Partners and collaboratives are named
as a visitor sees them on the story page: in the story's language where that version is
live and public, else the version visitors can open, else not at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from django_countries import countries as country_names

from hub import partial_dates, regions
from hub.audiences import Audience
from hub.public_url import absolute_url, site_path
from hub.themes import themes_by_locale
from hub.visibility import restricted_paths
from network.models import LearningCollaborativePage, OrganisationType, PartnerProfilePage
from stories.licences import deed_url
from stories.models import CaseStoryPage, LessonKind


@dataclass(frozen=True)
class Linked:
    """A partner or collaborative page, as much of it as a row names."""

    pk: int
    path: str
    translation_key: str
    language: str
    visible: bool
    slug: str
    title: str
    organisation_type: str = ""


class _Directory:
    """Every page of one type, to name the visible version of any of them without a query."""

    def __init__(self, model, *extra):
        restricted = restricted_paths()
        fields = ("pk", "path", "translation_key", "locale__language_code", "live", "slug")
        self.by_pk, self.by_path, versions = {}, {}, {}
        for row in model.objects.values_list(*fields, "title", *extra):
            pk, path, key, language, live, slug, title, *rest = row
            visible = live and not path.startswith(restricted)
            page = Linked(pk, path, str(key), language, visible, slug, title, *rest)
            self.by_pk[pk] = self.by_path[path] = page
            if visible:
                versions.setdefault(page.translation_key, {})[language] = page
        self.versions = versions

    def shown(self, page: Linked | None, language: str) -> Linked | None:
        """``page`` in ``language`` if visible, else itself if visible, else a visible
        version (the default language first)."""
        if page is None:
            return None
        versions = self.versions.get(page.translation_key, {})
        if language in versions:
            return versions[language]
        if page.visible:
            return page
        return versions.get(settings.LANGUAGE_CODE) or next(iter(versions.values()), None)


class _Labels:
    """Labels by language and key, each looked up once per export."""

    def __init__(self):
        self.memo = {}

    def __call__(self, kind: str, key: str, language: str) -> str:
        found = self.memo.get((kind, key, language))
        if found is None:
            with translation.override(language):
                found = self._lookup(kind, key, language)
            self.memo[(kind, key, language)] = found
        return found

    @staticmethod
    def _lookup(kind, key, language) -> str:
        if kind == "region":
            return regions.region_name(key, language)
        if kind == "country":
            return str(country_names.name(key)) or key
        choices = {"kind": LessonKind, "audience": Audience, "organisation": OrganisationType}
        choice = choices[kind]
        return str(choice(key).label) if key in choice.values else key


class RowBuilder:
    """Builds rows; one per export or API request. ``request``: absolute URLs on its host
    (the API), or None for the configured public address (the downloads, the command)."""

    def __init__(self, request=None):
        self.request = request
        self.partners = _Directory(PartnerProfilePage, "organisation_type")
        self.collaboratives = _Directory(LearningCollaborativePage)
        self.themes = themes_by_locale()
        self.default_themes = self.themes.get(_default_locale_id(), {})
        self.label = _Labels()
        # Wagtail keeps the site root paths on the object passed as its request.
        self._url_cache = type("UrlCache", (), {})()

    def url(self, page) -> str:
        path = site_path(page, request=self.request or self._url_cache)
        return absolute_url(path, self.request) if path else ""

    def rows(self, lessons) -> list[dict]:
        """The rows of ``lessons`` (a chunk, with their stories loaded), in their order."""
        story_ids = {lesson.story_id for lesson in lessons}
        stories = {
            story.pk: story
            for story in CaseStoryPage.objects.filter(pk__in=story_ids)
            .select_related("locale")
            .defer("body")
        }
        story_themes = _pairs(CaseStoryPage.themes.through, "theme__slug", story_ids)
        involved = _pairs(
            CaseStoryPage.partners_involved.through, "partnerprofilepage_id", story_ids
        )
        translations = self._translations(stories.values())
        urls = {pk: self.url(story) for pk, story in stories.items()}
        return [
            self._row(
                lesson,
                stories[lesson.story_id],
                urls[lesson.story_id],
                story_themes.get(lesson.story_id, []),
                involved.get(lesson.story_id, []),
                translations,
            )
            for lesson in lessons
        ]

    def _translations(self, stories) -> dict[str, list[tuple[str, str]]]:
        """(language, URL) of every visible story in the chunk's translation groups."""
        found = {}
        pages = (
            CaseStoryPage.objects.live()
            .public()
            .filter(translation_key__in={story.translation_key for story in stories})
            .select_related("locale")
            .only("pk", "path", "url_path", "translation_key", "locale")
        )
        for page in pages:
            found.setdefault(str(page.translation_key), []).append(
                (page.locale.language_code, self.url(page))
            )
        return found

    def _row(self, lesson, story, story_url, story_themes, involved_pks, translations) -> dict:
        language = story.locale.language_code
        partner = self.partners.shown(
            self.partners.by_path.get(story.path[: -story.steplen]), language
        )
        involved = [
            self.partners.shown(self.partners.by_pk.get(pk), language) for pk in involved_pks
        ]
        involved = sorted(
            {p.pk: p for p in involved if p is not None}.values(), key=lambda p: p.title
        )
        collaborative = self.collaboratives.shown(
            self.collaboratives.by_pk.get(story.collaborative_id), language
        )
        countries = [country.code for country in story.countries]
        region_codes = regions.region_codes_for(countries)
        themes = sorted(set(lesson.themes) | set(story_themes))
        theme_names = self.themes.get(lesson.locale_id, {})
        label = self.label
        return {
            "lesson_id": lesson.pk,
            "lesson_group": str(lesson.translation_key),
            "language": language,
            "url": f"{story_url}#{lesson.anchor}" if story_url else "",
            "headline": lesson.headline,
            "explanation": lesson.explanation,
            "kind": lesson.kind,
            "kind_label": label("kind", lesson.kind, language),
            "audiences": lesson.audiences,
            "audience_labels": [label("audience", key, language) for key in lesson.audiences],
            "themes": themes,
            "theme_labels": [_theme_name(key, theme_names, self.default_themes) for key in themes],
            "story_id": story.pk,
            "story_group": str(story.translation_key),
            "story_title": story.title,
            "story_url": story_url,
            "story_date": partial_dates.machine(story.publication_date, story.date_precision),
            "story_date_precision": story.date_precision,
            "story_language": language,
            "story_translations": [
                url
                for code, url in sorted(translations.get(str(story.translation_key), []))
                if code != language and url
            ],
            "partner": partner.slug if partner else None,
            "partner_name": partner.title if partner else None,
            "partner_type": partner.organisation_type if partner else None,
            "partner_type_label": label("organisation", partner.organisation_type, language)
            if partner
            else None,
            "involved_partners": [p.slug for p in involved],
            "involved_partner_names": [p.title for p in involved],
            "involved_partner_types": [p.organisation_type for p in involved],
            "countries": countries,
            "country_names": [label("country", code, language) for code in countries],
            "regions": region_codes,
            "region_names": [label("region", code, language) for code in region_codes],
            "collaborative": collaborative.slug if collaborative else None,
            "collaborative_name": collaborative.title if collaborative else None,
            "licence": story.licence,
            "licence_url": deed_url(story.licence) or None,
        }


def _pairs(through, field: str, story_ids) -> dict[int, list]:
    found = {}
    rows = through.objects.filter(casestorypage_id__in=story_ids).values_list(
        "casestorypage_id", field
    )
    for story_id, value in rows.order_by("pk"):
        found.setdefault(story_id, []).append(value)
    return found


def _theme_name(key, names, default) -> str:
    theme = names.get(key) or default.get(key)
    return theme.name if theme else key


def _default_locale_id():
    from wagtail.models import Locale

    return (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
        .values_list("pk", flat=True)
        .first()
    )
