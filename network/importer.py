"""Import partner profiles and learning collaboratives from one YAML file (``import_network``).

The file has two lists, ``partners`` and ``collaboratives`` (either may be left out)::

    partners:
      - slug: twaweza            # optional: made from the name
        name: Twaweza East Africa
        type: cso                # an organisation type (network.models.OrganisationType)
        acronym, headquarters (ISO code), countries (ISO codes), themes (slugs), website,
        summary
    collaboratives:
      - slug: tap-learning-collaborative
        title: Learning Collaborative on Transparency, Accountability and Participation
        status, start and end (YYYY-MM-DD), host (a partner's slug), themes, countries,
        summary, purpose, learning_questions (a list),
        members: [{partner: twaweza, role: learning-hub}, ...]

Like the story importer, everything is checked before anything is written: each problem is
reported as ``file:line: reason`` and a file with one problem writes nothing. Entries are
matched by slug in the default language: a new slug creates the page, a known one updates it,
and an entry that says what its page says already is left alone ("unchanged"). New partners
are onboarded (``network.onboarding``: their group, media and workflow) with a draft profile;
pages are saved as drafts unless ``publish`` is asked for. Members and hosts may be partners of
the same file.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify

from wagtail.models import Locale

import yaml
from django_countries import countries as country_names

from hub.models import Theme
from hub.yaml_lines import Lines, Problem, TextDatesLoader, syntax_problem

from .import_writer import write_collaborative, write_partner
from .models import (
    CollaborativeIndexPage,
    CollaborativeStatus,
    LearningCollaborativePage,
    MemberRole,
    OrganisationType,
    PartnerIndexPage,
    PartnerProfilePage,
)

SECTIONS = {"partners", "collaboratives"}
PARTNER_KEYS = {
    "slug", "name", "acronym", "type", "headquarters", "countries", "themes", "website",
    "summary",
}  # fmt: skip
COLLABORATIVE_KEYS = {
    "slug", "title", "status", "start", "end", "host", "themes", "countries", "summary",
    "purpose", "learning_questions", "members",
}  # fmt: skip
MEMBER_KEYS = {"partner", "role"}
# Field lengths of the models, checked here so that a long value is a problem on its line.
LIMITS = {"name": 255, "title": 255, "slug": 255, "acronym": 30, "summary": 500, "website": 200}


class ImportFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Entry:
    """One checked partner or collaborative: what its page should say."""

    kind: str  # "partner" or "collaborative"
    slug: str
    values: dict
    themes: list = field(default_factory=list)
    members: list = field(default_factory=list)  # (partner slug, role)


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


def _codes(values) -> list[str]:
    return sorted({str(code).upper() for code in values})


class NetworkImporter:
    def __init__(self):
        locale = Locale.get_default()
        self.problems: list[Problem] = []
        self.names_in_file: dict[str, int] = {}
        self.partners = {p.slug: p for p in PartnerProfilePage.objects.filter(locale=locale)}
        self.collaboratives = {
            c.slug: c for c in LearningCollaborativePage.objects.filter(locale=locale)
        }
        self.themes = {t.slug: t for t in Theme.objects.filter(locale=locale)}
        self.partner_index = PartnerIndexPage.objects.filter(locale=locale).first()
        self.collaborative_index = CollaborativeIndexPage.objects.filter(locale=locale).first()

    # --- reading -------------------------------------------------------------------------------

    def check(self, path: Path) -> list[Entry]:
        self.path = Path(path)
        try:
            text = self.path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        except OSError as error:
            return self._problem(0, f"cannot read the file ({error.strerror})") or []
        except UnicodeDecodeError:
            return self._problem(1, "the file is not UTF-8 text") or []
        try:
            data = yaml.load(text, Loader=TextDatesLoader)
        except yaml.YAMLError as error:
            self.problems.append(syntax_problem(self.path, error, 1, "the file"))
            return []
        if not isinstance(data, dict) or not data:
            return self._problem(1, "the file must have 'partners' or 'collaboratives'") or []
        self.lines = Lines(text, offset=1)
        for key in sorted(set(data) - SECTIONS, key=str):
            self._problem(self.lines.of(key), f"unknown key '{key}' (use partners, collaboratives)")
        partners = self._entries(data, "partners", self._partner)
        self.file_partners = {entry.slug for entry in partners}
        return partners + self._entries(data, "collaboratives", self._collaborative)

    def _problem(self, line, reason):
        self.problems.append(Problem(self.path, line, reason))

    def _entries(self, data, section, check) -> list[Entry]:
        items = data.get(section)
        if items is None:
            return []
        if not isinstance(items, list):
            self._problem(self.lines.of(section), f"'{section}' must be a list")
            return []
        entries, seen = [], {}
        for i, item in enumerate(items):
            where = (section, i)
            if not isinstance(item, dict):
                self._problem(self.lines.of(*where), "each entry must be a mapping of keys")
                continue
            entry = check(where, item)
            if entry is None:
                continue
            if entry.slug in seen:
                self._problem(
                    self.lines.of(*where),
                    f"duplicate slug '{entry.slug}' (also line {seen[entry.slug]})",
                )
            seen[entry.slug] = self.lines.of(*where)
            entries.append(entry)
        return entries

    def _keys(self, where, item, known, what):
        for key in sorted(set(item) - known, key=str):
            self._problem(self.lines.of(*where, key), f"unknown {what} key '{key}'")

    def _text(self, where, item, key, required=False) -> str:
        value = item.get(key)
        if value is None or value == "":
            if required:
                self._problem(self.lines.of(*where), f"'{key}' is missing")
            return ""
        if not isinstance(value, str | int | float):
            self._problem(self.lines.of(*where, key), f"'{key}' must be text")
            return ""
        text = " ".join(str(value).split())
        if key in LIMITS and len(text) > LIMITS[key]:
            self._problem(
                self.lines.of(*where, key), f"'{key}' is longer than {LIMITS[key]} letters"
            )
        return text

    def _list(self, where, item, key) -> list:
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._problem(self.lines.of(*where, key), f"'{key}' must be a list")
            return []
        return value

    def _slug(self, where, item, name) -> str:
        slug = self._text(where, item, "slug") or slugify(name)[:255]
        if item.get("slug") and slugify(slug) != slug:
            self._problem(
                self.lines.of(*where, "slug"),
                f"'slug' must be lowercase letters, digits and hyphens, like '{slugify(slug)}'",
            )
        return slug

    def _countries(self, where, item, key) -> list[str]:
        values = self._list(where, item, key)
        for i, code in enumerate(values):
            if str(code).upper() not in dict(country_names):
                self._problem(self.lines.of(*where, key, i), f"unknown country '{code}'")
        return _codes(values)

    def _themes(self, where, item) -> list:
        themes = []
        for i, slug in enumerate(self._list(where, item, "themes")):
            if str(slug) in self.themes:
                themes.append(self.themes[str(slug)])
            else:
                self._problem(self.lines.of(*where, "themes", i), f"unknown theme '{slug}'")
        return themes

    def _choice(self, where, item, key, choices, what, default=None) -> str:
        value = item.get(key, default)
        if value is None:
            self._problem(self.lines.of(*where), f"'{key}' is missing")
        elif value not in choices.values:
            known = ", ".join(choices.values)
            self._problem(self.lines.of(*where, key), f"unknown {what} '{value}' (use {known})")
        return str(value)

    def _partner(self, where, item) -> Entry | None:
        self._keys(where, item, PARTNER_KEYS, "partner")
        name = self._text(where, item, "name", required=True)
        kind = self._choice(where, item, "type", OrganisationType, "organisation type")
        headquarters = self._text(where, item, "headquarters").upper()
        if headquarters and headquarters not in dict(country_names):
            self._problem(
                self.lines.of(*where, "headquarters"), f"unknown country '{headquarters}'"
            )
        website = self._text(where, item, "website")
        if website and not _web_address(website):
            self._problem(self.lines.of(*where, "website"), "'website' must be https://…")
        if not name:
            return None
        slug = self._slug(where, item, name)
        namesake = next(
            (p for p in self.partners.values() if p.title.casefold() == name.casefold()), None
        )
        if namesake is not None and namesake.slug != slug:
            self._problem(
                self.lines.of(*where, "name"),
                f"another partner is called '{name}' already (slug '{namesake.slug}')",
            )
        # A partner's group is named after it: two partners of one name would share one.
        if name.casefold() in self.names_in_file:
            line = self.names_in_file[name.casefold()]
            self._problem(
                self.lines.of(*where, "name"), f"the partner on line {line} has this name"
            )
        self.names_in_file.setdefault(name.casefold(), self.lines.of(*where))
        if slug not in self.partners and self.partner_index is None:
            self._problem(self.lines.of(*where), "there is no partners section to add it to")
        values = {
            "title": name,
            "acronym": self._text(where, item, "acronym"),
            "organisation_type": kind,
            "headquarters_country": headquarters,
            "countries": self._countries(where, item, "countries"),
            "website": website,
            "summary": self._text(where, item, "summary"),
        }
        return Entry("partner", slug, values, themes=self._themes(where, item))

    def _date(self, where, item, key) -> datetime.date | None:
        value = item.get(key)
        if value is None:
            return None
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self._problem(self.lines.of(*where, key), f"'{key}' must be a date like 2024-06-13")
            return None

    def _known_partner(self, slug) -> bool:
        return str(slug) in self.partners or str(slug) in self.file_partners

    def _collaborative(self, where, item) -> Entry | None:
        self._keys(where, item, COLLABORATIVE_KEYS, "collaborative")
        title = self._text(where, item, "title", required=True)
        status = self._choice(where, item, "status", CollaborativeStatus, "status", "active")
        start, end = self._date(where, item, "start"), self._date(where, item, "end")
        if start and end and end < start:
            self._problem(self.lines.of(*where, "end"), "'end' comes before 'start'")
        host = self._text(where, item, "host")
        if host and not self._known_partner(host):
            self._problem(self.lines.of(*where, "host"), f"unknown partner '{host}'")
        questions = [
            " ".join(str(q).split()) for q in self._list(where, item, "learning_questions")
        ]
        members = self._members(where, item)
        if not title:
            return None
        slug = self._slug(where, item, title)
        if slug not in self.collaboratives and self.collaborative_index is None:
            self._problem(self.lines.of(*where), "there is no collaboratives section to add it to")
        values = {
            "title": title,
            "status": status,
            "start_date": start,
            "end_date": end,
            "host": host,
            "countries": self._countries(where, item, "countries"),
            "summary": self._text(where, item, "summary"),
            "purpose": str(item.get("purpose") or "").strip(),
            "learning_questions": questions,
        }
        themes = self._themes(where, item)
        return Entry("collaborative", slug, values, themes=themes, members=members)

    def _members(self, where, item) -> list[tuple[str, str]]:
        members, seen = [], set()
        for i, member in enumerate(self._list(where, item, "members")):
            at = (*where, "members", i)
            if not isinstance(member, dict):
                self._problem(self.lines.of(*at), "each member needs a 'partner' and a 'role'")
                continue
            self._keys(at, member, MEMBER_KEYS, "member")
            slug = self._text(at, member, "partner", required=True)
            role = self._choice(at, member, "role", MemberRole, "member role")
            if slug and not self._known_partner(slug):
                self._problem(
                    self.lines.of(*at, "partner"),
                    f"unknown member '{slug}': no partner has this slug, here or on the hub",
                )
            elif slug in seen:
                self._problem(self.lines.of(*at, "partner"), f"'{slug}' is a member twice")
            seen.add(slug)
            members.append((slug, role))
        return members

    # --- writing -------------------------------------------------------------------------------

    def run(self, path, publish=False, user=None) -> ImportReport:
        from django.db import transaction

        entries = self.check(path)
        if self.problems:
            raise ImportFailed(sorted(self.problems, key=lambda problem: problem.line))
        report = ImportReport()
        with transaction.atomic():
            for entry in entries:
                if entry.kind == "partner":
                    page, outcome = write_partner(self, entry, publish, user)
                    self.partners[entry.slug] = page
                else:
                    outcome = write_collaborative(self, entry, publish, user)
                getattr(report, outcome).append(f"{entry.kind} {entry.slug}")
        return report


def _web_address(value) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return False
    return True
