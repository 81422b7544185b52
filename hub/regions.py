"""UN M49 regions: which region a country belongs to, and region names in any language.

Containment comes from one small data file (``hub/data/m49.json``, its source named inside);
names come from Babel's CLDR data, so every language Babel knows gets correct region names
without a hand-made translation table (the data file adds the UN's name where CLDR's is
shorter). Every level M49 gives a country is kept: region (Africa), sub-region or grouping
(Sub-Saharan Africa), intermediate region (Eastern Africa); a filter on any of them works.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

DATA_FILE = Path(__file__).parent / "data" / "m49.json"


@dataclass(frozen=True)
class Placement:
    """Where a country sits: its region (continent) and the smallest grouping it is listed in
    (a sub-region, or an intermediate region such as Eastern Africa)."""

    region: str
    subregion: str


@dataclass(frozen=True)
class _Tables:
    placements: dict[str, Placement]
    members: dict[str, tuple[str, ...]]  # grouping code -> its countries
    parents: dict[str, str]  # grouping code -> the grouping that contains it
    names: dict[str, dict[str, str]]  # official names where CLDR's differ


@cache
def _tables() -> _Tables:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    parents: dict[str, str] = {}
    placements: dict[str, Placement] = {}
    for region, subregions in data["regions"].items():
        for subregion, countries in subregions.items():
            parents[subregion] = region
            for country in countries:
                placements[country] = Placement(region=region, subregion=subregion)
    for grouping, inside in data["groupings"].items():
        parents[grouping] = parents[inside[0]]
        for code in inside:
            parents[code] = grouping
    members: dict[str, set[str]] = {}
    for country, place in placements.items():
        for code in _lineage(place.subregion, parents):
            members.setdefault(code, set()).add(country)
    return _Tables(
        placements=placements,
        members={code: tuple(sorted(c)) for code, c in members.items()},
        parents=parents,
        names=data["names"],
    )


def _lineage(code: str, parents: dict[str, str]) -> list[str]:
    """``code`` and every grouping above it, innermost first."""
    chain = [code]
    while chain[-1] in parents:
        chain.append(parents[chain[-1]])
    return chain


def placement(country_code: str) -> Placement | None:
    """The region and sub-region of an ISO 3166-1 alpha-2 code, or None if M49 has none."""
    return _tables().placements.get(str(country_code).upper())


def region_codes_for(country_codes) -> list[str]:
    """Every M49 grouping the given countries fall in (region, sub-region, intermediate
    region), sorted, without repeats."""
    tables = _tables()
    codes: set[str] = set()
    for country in country_codes:
        found = placement(country)
        if found:
            codes.update(_lineage(found.subregion, tables.parents))
    return sorted(codes)


def countries_in(region_code: str) -> tuple[str, ...]:
    """The ISO codes of the countries in an M49 grouping, at any level."""
    return _tables().members.get(region_code, ())


def region_codes() -> list[str]:
    """Every M49 code a region filter takes (each grouping that holds countries), sorted."""
    return sorted(_tables().members)


def is_region(code: str) -> bool:
    return code in _tables().members


def parent_region(code: str) -> str | None:
    """The grouping directly above ``code`` (Eastern Africa -> Sub-Saharan Africa -> Africa)."""
    return _tables().parents.get(code)


def level(code: str) -> int:
    """0 for a region (continent), 1 for the grouping inside it, 2 for one inside that."""
    return len(_lineage(code, _tables().parents)) - 1


def in_tree_order(codes, language: str = "en") -> list[str]:
    """``codes`` ordered as an outline: each region followed by what it contains, siblings by
    name in ``language``; a visitor reads the levels from the order and the indentation."""
    parents = _tables().parents

    def key(code):
        return [region_name(c, language).casefold() for c in reversed(_lineage(code, parents))]

    return sorted(codes, key=key)


@cache
def _babel_locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def region_name(code: str, language: str = "en") -> str:
    """The name of an M49 grouping in a language: the UN's official name where CLDR's is
    shorter (419), else CLDR's, else English, else the code."""
    official = _tables().names.get(code, {})
    base = language.split("-")[0]
    return (
        official.get(language)
        or official.get(base)
        or _babel_locale(language).territories.get(code)
        or official.get("en")
        or Locale("en").territories.get(code)
        or code
    )
