"""Build the judged hub in an empty, migrated database: the locales, the themes, the partner
profiles (through onboarding, as an editor would) and the stories (through the importer,
published), then the search index.

Stories say their language with ``language:``. Partner profiles are translated into every
language the stories use; an importer that knows the key then reads it itself, otherwise
each language is imported apart, with the key taken out of the files first.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from wagtail.models import Locale

import yaml

from hub.demo import ensure_home_pages, ensure_locales, ensure_themes
from hub.models import PartnerProfilePage
from hub.network_demo import ensure_section
from hub.partners_onboarding import onboard_partner
from search import service
from search.indexing import all_documents
from stories import importer
from stories.models import CaseStoryPage

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
LANGUAGE_LINE = re.compile(r"(?m)^language:[ \t]*(\w+)[ \t]*\n")


def partners() -> list[dict]:
    return yaml.safe_load((HERE / "partners.yaml").read_text(encoding="utf-8"))


def story_language(path: Path) -> str:
    found = LANGUAGE_LINE.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else "en"


def build() -> dict[int, str]:
    """Everything, in order; returns the story slug of each story page's primary key."""
    locales = ensure_locales()
    homes = ensure_home_pages(locales, None)
    ensure_themes(locales)
    ensure_section(homes["en"], "partners", None)
    for entry in partners():
        onboard(entry)
    import_stories(locales)
    rebuild_index()
    return {page.pk: page.slug for page in CaseStoryPage.objects.all()}


def rebuild_index() -> None:
    """The database engine through the command; Elasticsearch, when configured, through the
    engine that answers queries: the command builds its client without
    SEARCH_ENGINE_OPTIONS, which osmem-server needs (tests/search/osmem.py)."""
    with open(os.devnull, "w") as quiet:
        call_command("rebuild_search_index", engine="database", stdout=quiet, stderr=quiet)
    if settings.ELASTICSEARCH_URL:
        service.engine().rebuild(list(all_documents()))


def onboard(entry: dict) -> None:
    result = onboard_partner(entry["name"], organisation_type=entry["type"])
    profile = result.profile
    if profile.slug != entry["slug"] or entry.get("country"):
        profile.slug = entry["slug"]
        profile.headquarters_country = entry.get("country", "")
        profile.countries = [entry["country"]] if entry.get("country") else []
        profile.save_revision().publish()


def import_stories(locales: dict[str, Locale]) -> None:
    by_language: dict[str, list[Path]] = {}
    for path in sorted(STORIES.glob("*.md")):
        by_language.setdefault(story_language(path), []).append(path)
    for code in by_language:
        if code != "en":
            translate_profiles(locales[code])
    if "language" in importer.KNOWN_KEYS:
        importer.StoryImporter().run(
            [p for group in by_language.values() for p in group], publish=True
        )
        return
    for code, group in sorted(by_language.items()):
        with tempfile.TemporaryDirectory() as folder:
            copies = []
            for path in group:
                copy = Path(folder) / path.name
                copy.write_text(
                    LANGUAGE_LINE.sub("", path.read_text(encoding="utf-8")), encoding="utf-8"
                )
                copies.append(copy)
            importer.StoryImporter(locale=locales[code]).run(copies, publish=True)


def translate_profiles(locale: Locale) -> None:
    for profile in PartnerProfilePage.objects.filter(locale=Locale.get_default()):
        if profile.get_translation_or_none(locale) is None:
            translated = profile.copy_for_translation(locale, copy_parents=True)
            parent = translated.get_parent().specific
            if not parent.live:
                parent.save_revision().publish()
            translated.save_revision().publish()
