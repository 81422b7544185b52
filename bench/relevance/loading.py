"""Build the judged hub in an empty, migrated database: the locales, the themes, the partner
profiles (through onboarding, as an editor would, with their pages in the stories'
languages) and the stories (through the importer, each in its ``language:``, published),
then the search index.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import yaml

from hub.demo import ensure_home_pages, ensure_locales, ensure_themes
from network.demo import ensure_section
from network.onboarding import onboard_partner
from network.profile_translations import add_profile_languages
from search import service
from search.indexing import all_documents
from stories.importer import StoryImporter
from stories.models import CaseStoryPage

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
LANGUAGE_LINE = re.compile(r"(?m)^language:[ \t]*(\w+)[ \t]*$")


def partners() -> list[dict]:
    return yaml.safe_load((HERE / "partners.yaml").read_text(encoding="utf-8"))


def story_paths() -> list[Path]:
    return sorted(STORIES.glob("*.md"))


def story_languages(paths) -> list[str]:
    found = (LANGUAGE_LINE.search(path.read_text(encoding="utf-8")) for path in paths)
    return sorted({match.group(1) for match in found if match})


def build() -> dict[int, str]:
    """Everything, in order; returns the story slug of each story page's primary key."""
    locales = ensure_locales()
    homes = ensure_home_pages(locales, None)
    ensure_themes(locales)
    ensure_section(homes["en"], "partners", None)
    paths = story_paths()
    languages = story_languages(paths)
    for entry in partners():
        onboard(entry, languages)
    StoryImporter().run(paths, publish=True)
    rebuild_index()
    return {page.pk: page.slug for page in CaseStoryPage.objects.all()}


def onboard(entry: dict, languages: list[str]) -> None:
    """The partner's profile and group; its slug and country as the set names them; its
    (draft) pages in the other languages, as ``onboard_partner --locales`` makes them."""
    profile = onboard_partner(entry["name"], organisation_type=entry["type"]).profile
    profile.slug = entry["slug"]
    profile.headquarters_country = entry["country"]
    profile.countries = [entry["country"]]
    profile.save_revision().publish()
    add_profile_languages(profile, languages)


def rebuild_index() -> None:
    """The database engine through the command; Elasticsearch, when configured, through the
    engine that answers queries: the command builds its client without
    SEARCH_ENGINE_OPTIONS, which osmem-server needs (tests/search/osmem.py)."""
    with open(os.devnull, "w") as quiet:
        call_command("rebuild_search_index", engine="database", stdout=quiet, stderr=quiet)
    if settings.ELASTICSEARCH_URL:
        service.engine().rebuild(list(all_documents()))
