"""UN M49 regions: which region a country belongs to, and region names in any language.

Containment comes from one small data file (``hub/data/m49.json``, its source named inside);
names come from Babel's CLDR data, so every language Babel knows gets correct region names
without a hand-made translation table.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

DATA_FILE = Path(__file__).parent / "data" / "m49.json"


@dataclass(frozen=True)
class Placement:
    """Where a country sits: its region (continent) and its sub-region."""

    region: str
    subregion: str


@cache
def _tables() -> tuple[dict[str, Placement], dict[str, tuple[str, ...]], dict[str, str]]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    placements: dict[str, Placement] = {}
    members: dict[str, list[str]] = {}
    parents: dict[str, str] = {}
    for region, subregions in data["regions"].items():
        for subregion, countries in subregions.items():
            parents[subregion] = region
            for country in countries:
                placements[country] = Placement(region=region, subregion=subregion)
                members.setdefault(region, []).append(country)
                members.setdefault(subregion, []).append(country)
    return placements, {code: tuple(sorted(c)) for code, c in members.items()}, parents


def placement(country_code: str) -> Placement | None:
    """The region and sub-region of an ISO 3166-1 alpha-2 code, or None if M49 has none."""
    return _tables()[0].get(str(country_code).upper())


def region_codes_for(country_codes) -> list[str]:
    """Every region and sub-region code the given countries fall in, sorted, without repeats."""
    codes: set[str] = set()
    for country in country_codes:
        found = placement(country)
        if found:
            codes.update((found.region, found.subregion))
    return sorted(codes)


def countries_in(region_code: str) -> tuple[str, ...]:
    """The ISO codes of the countries in a region or sub-region."""
    return _tables()[1].get(region_code, ())


def is_region(code: str) -> bool:
    return code in _tables()[1]


def parent_region(subregion_code: str) -> str | None:
    return _tables()[2].get(subregion_code)


@cache
def _babel_locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def region_name(code: str, language: str = "en") -> str:
    """The CLDR name of an M49 region in a language (else in English, else the code)."""
    return (
        _babel_locale(language).territories.get(code) or Locale("en").territories.get(code) or code
    )
