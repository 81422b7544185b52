"""Import case stories from Markdown files with YAML front matter.

Everything is checked before anything is written: a batch with one bad file writes nothing, and
each problem is reported with its file, line and reason. Stories are drafts unless published.
Re-importing an unchanged file changes nothing (the file's hash is kept on the story).

Front matter keys: title, partner (slug of a partner profile), date (YYYY-MM-DD, or YYYY-MM or
YYYY when only the month or year is known: ``hub.partial_dates``), standfirst, source_url (the
original publication),
language (a code of ``settings.LANGUAGES``; the default language when absent), slug,
countries (ISO codes), themes (slugs), collaborative (slug), partners (partners involved,
each by its profile's slug or name; an organisation with no profile is kept as a plain name
on the story, ``other_organisations``, and reported as a warning in case it is a typo),
tags, results (list), quote ({text, name, role, organisation}), lessons (list of headline,
explanation, kind, audiences, themes). The Markdown body becomes the story's
sections: each "## Heading" starts a new one. The text becomes the rich text an editor could
write (``markdown_text``): anything else, raw HTML above all, is dropped and reported as a
warning with its line; warnings do not stop the import.

A story in another language is created in that locale, below the partner profile's page in
that language; a profile without one gets a draft translation (``network.profile_translations``).
Slugs of themes, collaboratives and partners name the version in the story's language where
there is one (``import_lookup``).
"""

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

import yaml
from django_countries import countries as country_names

from hub import partial_dates
from hub.audiences import Audience
from hub.models import Theme
from hub.yaml_lines import Lines, Problem, TextDatesLoader, syntax_problem
from network.models import LearningCollaborativePage, PartnerProfilePage
from network.profile_translations import configured_language

from .import_lookup import SlugLookup
from .import_writer import slug_for, write_story
from .markdown_text import scan
from .models import LessonKind

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n?(.*)\Z", re.S)
KNOWN_KEYS = {
    "title", "partner", "date", "standfirst", "slug", "countries", "themes", "collaborative",
    "partners", "tags", "results", "quote", "lessons", "language", "source_url",
}  # fmt: skip
MAX_ORGANISATION_NAME = 200
LESSON_KEYS = {"headline", "explanation", "kind", "audiences", "themes", "slug"}


def _web_address(value) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(str(value))
    except ValidationError:
        return False
    return len(str(value)) <= 500


@dataclass
class ParsedStory:
    path: Path
    fingerprint: str
    data: dict
    body_markdown: str
    language: str = ""
    date_precision: str = "day"
    # The profile named by ``partner`` (any language) and its page in the story's language,
    # None until written when it has none yet.
    partner_source: PartnerProfilePage | None = None
    partner: PartnerProfilePage | None = None
    collaborative: LearningCollaborativePage | None = None
    themes: list = field(default_factory=list)
    partners_involved: list = field(default_factory=list)
    other_organisations: list = field(default_factory=list)


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


class ImportFailed(Exception):
    def __init__(self, problems, warnings=()):
        self.problems = problems
        self.warnings = list(warnings)
        super().__init__("\n".join(str(p) for p in problems))


def collect_paths(paths) -> list[Path]:
    found = []
    for raw in paths:
        path = Path(raw)
        found.extend(sorted(path.glob("*.md")) if path.is_dir() else [path])
    return found


class StoryImporter:
    def __init__(self, locale=None):
        self.locale = locale or Locale.get_default()
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._locale_ids = dict(Locale.objects.values_list("language_code", "pk"))
        default = self.locale.pk
        partners = list(PartnerProfilePage.objects.all())
        self._partners = SlugLookup(partners, default)
        # ``partners`` may name a partner as its profile does ("Twaweza East Africa").
        self._partner_names = {" ".join(p.title.split()).casefold(): p.slug for p in partners}
        self._collaboratives = SlugLookup(LearningCollaborativePage.objects.all(), default)
        self._themes = SlugLookup(Theme.objects.all(), default)

    # --- checking ----------------------------------------------------------------------------

    def parse(self, path: Path) -> ParsedStory | None:
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
        except OSError as error:
            self.problems.append(Problem(path, 0, f"cannot read the file ({error.strerror})"))
            return None
        except UnicodeDecodeError:
            self.problems.append(Problem(path, 1, "the file is not UTF-8 text"))
            return None
        text = text.replace("\r\n", "\n")
        match = FRONT_MATTER.match(text)
        if not match:
            self.problems.append(
                Problem(path, 1, "no front matter: the file must start with a '---' line")
            )
            return None
        front, body = match.groups()
        try:
            data = yaml.load(front, Loader=TextDatesLoader) or {}
        except yaml.YAMLError as error:
            self.problems.append(syntax_problem(path, error, 2, "front matter"))
            return None
        if not isinstance(data, dict):
            self.problems.append(Problem(path, 2, "front matter must be a mapping of keys"))
            return None
        body_line = text.count("\n", 0, match.start(2)) + 1
        story = ParsedStory(path, hashlib.sha256(raw).hexdigest(), data, body)
        self._check(story, Lines(front, offset=2))
        for drop in scan(body):
            self.warnings.append(Problem(path, body_line + drop.line - 1, drop.reason))
        return story

    def _problem(self, story, line, reason):
        self.problems.append(Problem(story.path, line, reason))

    def _list(self, story, lines, key, value):
        if value is None:
            return []
        if not isinstance(value, list):
            self._problem(story, lines.of(key), f"'{key}' must be a list")
            return []
        return value

    def _check(self, story, lines):
        data = story.data
        for key in sorted(set(data) - KNOWN_KEYS):
            self._problem(story, lines.of(key), f"unknown key '{key}'")
        for key in ("title", "partner", "date", "standfirst"):
            if not data.get(key):
                self._problem(story, 1, f"'{key}' is missing")
        if data.get("title") and not slugify(str(data.get("slug") or data["title"])):
            self._problem(story, lines.of("title"), "the title gives no usable slug")
        story.language = self._language(story, lines)
        locale_id = self._locale_ids.get(story.language)
        if data.get("partner"):
            story.partner_source = self._partners.find(data["partner"], locale_id)
            story.partner = self._partners.exact(data["partner"], locale_id)
            if story.partner_source is None:
                self._problem(story, lines.of("partner"), f"unknown partner '{data['partner']}'")
        if data.get("date"):
            try:
                data["date"], story.date_precision = partial_dates.parse(data["date"])
            except ValueError as error:
                self._problem(story, lines.of("date"), f"'date': {error}")
        if "source_url" in data and not _web_address(data["source_url"]):
            self._problem(story, lines.of("source_url"), "'source_url' must be https://…")
        for i, code in enumerate(self._list(story, lines, "countries", data.get("countries"))):
            if str(code).upper() not in dict(country_names):
                self._problem(story, lines.of("countries", i), f"unknown country '{code}'")
        for i, slug in enumerate(self._list(story, lines, "themes", data.get("themes"))):
            if slug in self._themes:
                story.themes.append(self._themes.find(slug, locale_id))
            else:
                self._problem(story, lines.of("themes", i), f"unknown theme '{slug}'")
        for i, entry in enumerate(self._list(story, lines, "partners", data.get("partners"))):
            self._check_partner_involved(story, lines.of("partners", i), entry, locale_id)
        if data.get("collaborative"):
            story.collaborative = self._collaboratives.find(data["collaborative"], locale_id)
            if story.collaborative is None:
                self._problem(
                    story,
                    lines.of("collaborative"),
                    f"unknown learning collaborative '{data['collaborative']}'",
                )
        self._list(story, lines, "tags", data.get("tags"))
        self._list(story, lines, "results", data.get("results"))
        quote = data.get("quote")
        if quote is not None and not (isinstance(quote, dict) and quote.get("text")):
            self._problem(story, lines.of("quote"), "'quote' needs at least a 'text'")
        for i, lesson in enumerate(self._list(story, lines, "lessons", data.get("lessons"))):
            self._check_lesson(story, lines, i, lesson)

    def _check_partner_involved(self, story, line, entry, locale_id):
        """A partner's slug or name links its profile; any other name is kept as text."""
        if not isinstance(entry, str | int | float) or not " ".join(str(entry).split()):
            self._problem(story, line, "each partner must be a slug or an organisation's name")
            return
        name = " ".join(str(entry).split())
        slug = self._partner_names.get(name.casefold(), name)
        if slug in self._partners:
            story.partners_involved.append(self._partners.find(slug, locale_id))
        elif len(name) > MAX_ORGANISATION_NAME:
            self._problem(
                story, line, f"an organisation's name is at most {MAX_ORGANISATION_NAME} letters"
            )
        elif name.casefold() not in {known.casefold() for known in story.other_organisations}:
            story.other_organisations.append(name)
            self.warnings.append(
                Problem(
                    story.path,
                    line,
                    f"no partner profile is called '{name}': kept as a plain name among the "
                    "other organisations involved",
                )
            )

    def _language(self, story, lines) -> str:
        code = story.data.get("language")
        if code is None:
            return self.locale.language_code
        if not configured_language(code):
            known = ", ".join(code for code, _name in settings.LANGUAGES)
            self._problem(
                story, lines.of("language"), f"unknown language '{code}' (use one of {known})"
            )
            return self.locale.language_code
        return str(code)

    def _check_lesson(self, story, lines, i, lesson):
        where = lines.of("lessons", i)
        if not isinstance(lesson, dict):
            self._problem(story, where, "each lesson must have headline, explanation and kind")
            return
        for key in sorted(set(lesson) - LESSON_KEYS):
            self._problem(story, lines.of("lessons", i, key), f"unknown lesson key '{key}'")
        for key in ("headline", "explanation", "kind"):
            if not lesson.get(key):
                self._problem(story, where, f"lesson {i + 1}: '{key}' is missing")
        if lesson.get("kind") and lesson["kind"] not in LessonKind.values:
            self._problem(
                story,
                lines.of("lessons", i, "kind"),
                f"unknown lesson kind '{lesson['kind']}' (use {', '.join(LessonKind.values)})",
            )
        for audience in lesson.get("audiences") or []:
            if audience not in Audience.values:
                self._problem(
                    story, lines.of("lessons", i, "audiences"), f"unknown audience '{audience}'"
                )
        for slug in lesson.get("themes") or []:
            if slug not in self._themes:
                self._problem(story, lines.of("lessons", i, "themes"), f"unknown theme '{slug}'")

    def check(self, paths) -> list[ParsedStory]:
        stories = [story for path in collect_paths(paths) if (story := self.parse(path))]
        seen = {}
        for story in stories:
            if story.partner_source is None or not story.data.get("title"):
                continue
            key = (story.partner_source.translation_key, story.language, slug_for(story.data))
            if key in seen:
                self._problem(story, 1, f"same slug as {seen[key]} under the same partner")
            seen[key] = story.path
        return stories

    # --- writing -----------------------------------------------------------------------------

    def run(self, paths, publish=False, user=None) -> ImportReport:
        stories = self.check(paths)
        if not paths:
            self.problems.append(Problem(Path("."), 0, "no file given"))
        if self.problems:
            raise ImportFailed(self.problems, self.warnings)
        report = ImportReport(warnings=self.warnings)
        with transaction.atomic():
            for story in stories:
                outcome = write_story(story, publish=publish, user=user)
                getattr(report, outcome).append(story.path)
        return report
