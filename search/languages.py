"""The languages search can analyse, and which of them the hub serves.

Every engine reads text in the language it is written in: PostgreSQL through a text search
configuration, Elasticsearch through a stop-word list and a stemmer, SQLite through a
Snowball stemmer (PyStemmer), and the query parser drops that language's stop words.
``ANALYSES`` holds those facts for each language all three libraries know; the hub's own
languages are ``settings.LANGUAGES``, and every engine and parameter check asks
``language_codes()`` and ``analysis()`` here. The system check ``hubsearch.E001``
(``search/checks.py``) names a configured language missing from ``ANALYSES``.

Stop words are short hand-kept lists of function words: the packaged lists we tried also
drop words partners search for ("open", "state", "work", "group", "public"). A language
without a list drops none; Elasticsearch uses its own list (``_<name>_``) for documents.
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Analysis:
    """How one language is analysed. ``snowball`` is PyStemmer's algorithm, ``postgres`` the
    built-in PostgreSQL configuration the hub copies with accent folding (as
    ``hub_<postgres>``), ``elasticsearch`` the name of its stop-word list and stemmer."""

    snowball: str
    postgres: str
    elasticsearch: str
    stop_words: frozenset[str] = frozenset()

    @property
    def postgres_config(self) -> str:
        return f"hub_{self.postgres}"


def _same(name: str, stop_words: frozenset[str] = frozenset()) -> Analysis:
    """A language every library calls by the same name."""
    return Analysis(name, name, name, stop_words)


ENGLISH_STOP = _words(
    """a an and are as at be been being but by can could did do does doing for from had has
    have having how i if in into is it its me my of on or our so than that the their them
    then there these they this those to too us was we were what when where which while who
    whom why will with would you your s t"""
)
FRENCH_STOP = _words(
    """a au aux avec ce ces c cette comme d dans de des du elle elles en est et eu il ils j je
    l la le les leur leurs lui m ma mais me mes moi mon n ne nos notre nous on ou où par pas
    pour qu que quel quelle quels quelles qui s sa sans se ses si son sont sur t ta te tes
    toi ton tu un une vos votre vous y été être ont comment quand pourquoi"""
)
SPANISH_STOP = _words(
    """a al como con cual cuales cuando de del donde el ella ellas ellos en entre era es esa
    esas ese eso esos esta estas este esto estos fue ha han hay la las le les lo los mas
    me mi mis muy nos o os para pero por porque que quien se ser si sin sobre su sus te
    tu tus un una uno unos unas y ya qué cómo cuándo dónde"""
)
PORTUGUESE_STOP = _words(
    """a ao aos as com como da das de do dos e ela elas ele eles em entre era é essa esse
    esta este eu foi há isso isto já lhe mais mas me meu minha muito na nas no nos não o
    os ou para pela pelas pelo pelos por porque quando que quem se sem seu sua são também
    te um uma umas uns você qual onde"""
)

# Languages PostgreSQL (15), Elasticsearch (8: stop words and a stemmer) and PyStemmer all
# analyse, by language code (Serbian is not: Elasticsearch has no stemmer for it). A regional
# code ("pt-br") falls back to its language ("pt") unless listed itself.
ANALYSES: dict[str, Analysis] = {
    "ar": _same("arabic"),
    "ca": _same("catalan"),
    "da": _same("danish"),
    "de": _same("german"),
    "el": _same("greek"),
    "en": _same("english", ENGLISH_STOP),
    "es": _same("spanish", SPANISH_STOP),
    "eu": _same("basque"),
    "fi": _same("finnish"),
    "fr": _same("french", FRENCH_STOP),
    "ga": _same("irish"),
    "hi": _same("hindi"),
    "hu": _same("hungarian"),
    "hy": _same("armenian"),
    "id": _same("indonesian"),
    "it": _same("italian"),
    "lt": _same("lithuanian"),
    "nb": _same("norwegian"),
    "nl": _same("dutch"),
    "no": _same("norwegian"),
    "pt": _same("portuguese", PORTUGUESE_STOP),
    "pt-br": Analysis("portuguese", "portuguese", "brazilian", PORTUGUESE_STOP),
    "ro": _same("romanian"),
    "ru": _same("russian"),
    "sv": _same("swedish"),
    "tr": _same("turkish"),
}


def analysis(code: str) -> Analysis | None:
    """The analysis of language ``code`` (or of its base language), None when unknown."""
    code = code.lower()
    return ANALYSES.get(code) or ANALYSES.get(code.split("-")[0])


def language_codes() -> tuple[str, ...]:
    """The hub's languages (``settings.LANGUAGES``), in their configured order: what
    ``lang`` may be, the indices Elasticsearch keeps, the stemmings a query is tried in."""
    from django.conf import settings

    return tuple(code for code, _name in settings.LANGUAGES)


def analysed() -> dict[str, Analysis]:
    """``{code: Analysis}`` for the hub's languages search can analyse (all of them, once
    the system check passes)."""
    found = {code: analysis(code) for code in language_codes()}
    return {code: facts for code, facts in found.items() if facts is not None}


def stop_words(code: str) -> frozenset[str]:
    facts = analysis(code)
    return facts.stop_words if facts else frozenset()


def snowball(code: str) -> str | None:
    facts = analysis(code)
    return facts.snowball if facts else None
