"""Language analysis shared by the database engines: words, stems, stop words, highlights.

What a visitor types and what a partner writes go through the same steps, so "audits" finds
"audit" and "l'école" finds "écoles" on SQLite as on PostgreSQL and Elasticsearch:

1. words are ``\\w+`` runs of the lower-cased text (apostrophes split "l'école", "partner's");
2. accents are folded, then each word is stemmed with the language's Snowball stemmer
   (PyStemmer), as PostgreSQL (unaccent, then the stemmer) and Elasticsearch (asciifolding,
   then the stemmer) do, so "Santé" and "sante", "contraloría" and "contraloria" meet;
3. the query keeps its words in order for phrases, drops stop words and elided particles
   ("l", "d", "qu", a possessive "s") from the words that count, and decides how many of the
   remaining words a document must contain (``minimum_should_match``).

Each language's stemmer and stop words come from ``search.languages``.
"""

from __future__ import annotations

import itertools
import math
import re
import threading
import unicodedata
from dataclasses import dataclass, field

import Stemmer

from search.languages import language_codes, snowball, stop_words

# One-letter words are elided articles and pronouns ("l'", "d'", "j'") or a possessive "'s":
# they never count as words a document must contain.
MIN_WORD = 2

# Bounds on what one query may cost (issue: 166 prefix terms took 0.7 s of CPU).
MAX_WORDS = 12
MAX_PREFIXES = 3
MIN_PREFIX = 3

WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
# C0 controls (but tab, newline and carriage return) never reach the index: the engines use
# two of them to mark highlighted words, so content must not be able to contain them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_local = threading.local()


def strip_controls(text: str) -> str:
    return CONTROL.sub("", text or "")


def fold(text: str) -> str:
    """Lower-case and strip accents: "Santé" and "sante" are one word for every engine."""
    if text.isascii():  # nothing to decompose: most words, and a hot path of highlighting
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _stemmer(language: str):
    """PyStemmer objects are not thread-safe: one per thread and language."""
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if language not in cache:
        algorithm = snowball(language)
        cache[language] = Stemmer.Stemmer(algorithm) if algorithm else None
    return cache[language]


def stem(word: str, language: str) -> str:
    """The indexed form of one word in ``language``: folded, then stemmed."""
    stemmer = _stemmer(language)
    word = fold(word)
    return stemmer.stemWord(word) if stemmer else word


def analyse(text: str, language: str) -> str:
    """Text as the index stores it: stems separated by spaces, positions kept."""
    words = WORD.findall(fold(text or ""))
    stemmer = _stemmer(language)
    return " ".join(stemmer.stemWords(words) if stemmer else words)


def surface_words(text: str) -> set[str]:
    """Distinct folded words of a text, for the vocabulary that spelling suggestions use."""
    return {w for w in WORD.findall(fold(text or "")) if len(w) > MIN_WORD and not w.isdigit()}


@dataclass(frozen=True)
class Term:
    word: str  # folded
    prefix: bool = False
    required: bool = False  # "+word": the visitor asked for it to be in every result

    def stems(self, languages) -> tuple[str, ...]:
        """The word's indexed forms in each language (a prefix is matched unstemmed)."""
        if self.prefix:
            return (self.word,)
        return tuple(dict.fromkeys(stem(self.word, code) for code in languages))


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]  # folded

    def stems(self, language: str) -> tuple[str, ...]:
        return tuple(stem(word, language) for word in self.words)


@dataclass
class Query:
    """A parsed query: optional words (ranked, ``minimum_should_match`` of them required),
    required words and phrases (always required), and what was cut to bound its cost."""

    optional: list[Term] = field(default_factory=list)
    required: list[Term | Phrase] = field(default_factory=list)
    shortened: bool = False

    @property
    def parts(self) -> list[Term | Phrase]:
        return [*self.required, *self.optional]

    def __bool__(self) -> bool:
        return bool(self.optional or self.required)

    @property
    def minimum_should_match(self) -> int:
        """How many optional words a document must hold. Every word of a one- or two-word
        query; then a share that grows with the length (3 words need 2, 4 need 3, 6 need 4,
        10 need 6), required words counting toward it; at least one optional word."""
        n = len(self.optional) + len(self.required)
        needed = n if n <= 2 else max(2, math.ceil(0.55 * n))
        if not self.optional:
            return 0
        return min(len(self.optional), max(1, needed - len(self.required)))

    @property
    def strict(self) -> bool:
        """True when every optional word is needed: engines can use a plain AND."""
        return self.minimum_should_match == len(self.optional)

    def alternatives(self, limit: int = 64) -> list[tuple[Term, ...]] | None:
        """The sets of optional words a document may hold to match, when there are few
        enough to write out: matching "any 4 of these 7 words" as 35 intersections lets a
        full-text index do the work (8 ms at 10,000 documents, against 18 ms for reading
        every document with one word and counting). None when every word is needed or there
        are more than ``limit`` sets."""
        if self.strict or math.comb(len(self.optional), self.minimum_should_match) > limit:
            return None
        return list(itertools.combinations(self.optional, self.minimum_should_match))

    def words(self) -> list[str]:
        """Every word, in order, for suggestions and highlighting."""
        out = []
        for part in self.parts:
            out += list(part.words) if isinstance(part, Phrase) else [part.word]
        return out


def parse_query(text: str, language: str = "en") -> Query:
    """The query syntax every engine honours.

    Words are ranked by how well documents match them, and a share of them must match
    (``Query.minimum_should_match``); ``"quoted words"`` must match as a phrase; ``+word``
    must match; a trailing ``*`` matches a prefix of at least three letters (``facilit*``).
    Punctuation is ignored, so no input can break an engine's parser. Repeated words count
    once; past 12 words or 3 prefixes the rest is dropped and ``shortened`` is set.
    """
    query = Query()
    seen: set = set()
    stop = {fold(word) for word in stop_words(language)}
    prefixes = 0
    candidates: list[tuple[Term | Phrase, bool]] = []  # (part, counts toward the cap)
    for quoted, bare in _TOKEN.findall(text or ""):
        if quoted:
            words = tuple(WORD.findall(fold(quoted)))
            if len(words) > 1:
                candidates.append((Phrase(words), True))
            elif words:
                candidates.append((Term(words[0], required=True), True))
            continue
        required = bare.startswith("+")
        words = WORD.findall(fold(bare))
        for index, word in enumerate(words):
            prefix = index == len(words) - 1 and bare.endswith("*") and len(word) >= MIN_PREFIX
            if not required and not prefix and (len(word) < MIN_WORD or word in stop):
                continue
            candidates.append((Term(word, prefix=prefix, required=required), True))
    for part, _ in candidates:
        key = part.words if isinstance(part, Phrase) else (part.word, part.prefix)
        if key in seen:
            continue
        if len(seen) >= MAX_WORDS:
            query.shortened = True
            break
        if isinstance(part, Term) and part.prefix:
            if prefixes >= MAX_PREFIXES:
                query.shortened = True
                continue
            prefixes += 1
        seen.add(key)
        if isinstance(part, Phrase) or part.required:
            query.required.append(part)
        else:
            query.optional.append(part)
    if not query and text:
        # A query of stop words only ("what is it"): keep them rather than match nothing.
        words = [w for w in WORD.findall(fold(text)) if len(w) >= MIN_WORD][:MAX_WORDS]
        query.optional = [Term(w) for w in dict.fromkeys(words)]
    return query


# Each distinct word is folded and stemmed once per language, as ``analyse`` indexed it (a
# page of results highlights thousands of words, most of them repeated, page after page).
_FOLDED_STEMS: dict[tuple[str, str], tuple[str, str]] = {}
FOLDED_STEMS_KEPT = 50_000


def folded_stem(word: str, language: str) -> tuple[str, str]:
    key = (word, language)
    found = _FOLDED_STEMS.get(key)
    if found is None:
        if len(_FOLDED_STEMS) >= FOLDED_STEMS_KEPT:
            _FOLDED_STEMS.clear()
        folded = fold(word)
        stemmer = _stemmer(language)
        found = _FOLDED_STEMS[key] = (folded, stemmer.stemWord(folded) if stemmer else folded)
    return found


_TOKEN_WORDS = re.compile(r"\w+")


def highlight(text: str, language: str, query: Query, size: int = 30) -> str:
    """The passage of ``text`` with the most query words, matched words between markers.

    Used where the index holds stems (SQLite), so the engine cannot mark the original text.
    Returns "" when no word matches.
    """
    from search.engines.base import MARK_END, MARK_START

    wanted = set()
    prefixes = []
    for part in query.parts:
        if isinstance(part, Phrase):
            wanted.update(part.stems(language))
        elif part.prefix:
            prefixes.append(part.word)
        else:
            wanted.add(stem(part.word, language))
    # A page of results tries about 2,000 words: a plain loop over the words, and their
    # positions only for a text that holds a match.
    seen: dict[str, bool] = {}
    hits = []
    for word in _TOKEN_WORDS.findall(text):
        found = seen.get(word)
        if found is None:
            folded, stemmed = folded_stem(word, language)
            found = seen[word] = stemmed in wanted or any(folded.startswith(p) for p in prefixes)
        hits.append(found)
    if not any(hits):
        return ""
    tokens = list(_TOKEN_WORDS.finditer(text))
    # The window of ``size`` words holding the most matches (the first such), by a
    # running count.
    best_start = 0
    best = score = sum(hits[:size])
    for start in range(1, max(1, len(tokens) - size + 1)):
        score += hits[start + size - 1] - hits[start - 1]
        if score > best:
            best_start, best = start, score
    window = range(best_start, min(len(tokens), best_start + size))
    begin = tokens[window[0]].start()
    end = tokens[window[-1]].end()
    out, cursor = [], begin
    for i in window:
        token = tokens[i]
        out.append(text[cursor : token.start()])
        out.append(MARK_START + token.group() + MARK_END if hits[i] else token.group())
        cursor = token.end()
    out.append(text[cursor:end])
    snippet = "".join(out)
    return ("…" if begin > 0 else "") + snippet + ("…" if end < len(text) else "")


def preference_order(languages) -> list[str]:
    """Languages a translation group is shown in when it lacks the visitor's: the site's
    default language first, then the configured order (``settings.LANGUAGES``)."""
    from django.conf import settings

    configured = language_codes()
    order = [settings.LANGUAGE_CODE] + [c for c in configured if c != settings.LANGUAGE_CODE]
    rank = {code: i for i, code in enumerate(order)}
    return sorted(set(languages), key=lambda code: (rank.get(code, len(rank)), code))


def shown_in(locale: str, group_locales, languages) -> set[str]:
    """The visitor languages a document is a result for: its own, and every language its
    translation group lacks when it is the group's representative (``preference_order``).
    One result per translation group, in the visitor's language when it exists."""
    group = set(group_locales) | {locale}
    shown = {locale}
    if preference_order(group)[0] == locale:
        shown |= {code for code in languages if code not in group}
    return shown


def corrected(text: str, fixes: dict[str, str]) -> str:
    """``text`` with each word whose folded form is in ``fixes`` replaced, the rest as typed."""
    return WORD.sub(lambda m: fixes.get(fold(m.group()), m.group()), text)
