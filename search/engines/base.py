"""The engine interface: request and response types, errors, and the query syntax.

Every engine (database, Elasticsearch) takes a ``SearchRequest`` and answers a
``SearchResponse``; the search page and the JSON API build the first and render the second,
so they never know which engine answered. Facet *labels* are not an engine's business: the
response carries stable keys, and views resolve labels through ``label_resolver``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from search.analysis import MAX_WORDS, WORD, Phrase, Query, Term, fold, parse_query  # noqa: F401
from search.documents import FACETS, SearchDocument
from search.languages import language_codes

SORTS = ("relevance", "newest")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# No engine pages deeper than this many results (Elasticsearch's max_result_window).
MAX_RESULT_WINDOW = 10_000
MAX_TEXT_LENGTH = 500
MAX_VALUES_PER_FACET = 50
MAX_AUTOCOMPLETE = 20

# Markers around highlighted words inside ``SearchHit.snippet_text``; ``SearchHit.snippet``
# turns them into <mark> in escaped HTML. Indexed text never holds control characters
# (``SearchDocument`` strips them), so content cannot forge a mark.
MARK_START, MARK_END = "\x02", "\x03"


class SearchError(Exception):
    """Base class of the errors engines raise."""


class SearchUnavailable(SearchError):
    """The engine cannot answer now (cluster unreachable, timing out or failing).

    The caller falls back to ``get_fallback_engine()`` and says so to the visitor.
    """


class InvalidSearchRequest(SearchError, ValueError):
    """A request parameter is out of bounds; ``parameter`` names it for a 400 answer."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class SearchRequest:
    """What a visitor asks. Built from URL parameters by the page and the API.

    ``filters`` maps a public facet name (``FACETS``) to the selected keys; values of one
    facet are OR-ed, facets are AND-ed. ``include_other_languages`` (the default) adds
    documents that exist only in other languages: one document per translation group, the
    visitor's language when the group has it. False narrows to ``language`` alone.

    ``also_ids`` are document ids found by meaning (``search.semantic``): they count as
    matching the text, whatever its words. ``rank_window`` > 0 asks the engine for the ids of
    that many best keyword matches in ``SearchResponse.ranked``, for fusing the two rankings.
    """

    text: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    language: str = "en"
    include_other_languages: bool = True
    also_ids: tuple[str, ...] = ()
    rank_window: int = 0

    def __post_init__(self):
        text = (self.text or "").strip()
        if len(text) > MAX_TEXT_LENGTH:
            raise InvalidSearchRequest(
                "q", f"The query is longer than {MAX_TEXT_LENGTH} characters."
            )
        object.__setattr__(self, "text", text)
        if self.sort not in SORTS:
            raise InvalidSearchRequest("sort", f"sort must be one of {', '.join(SORTS)}.")
        if self.language not in language_codes():
            codes = ", ".join(language_codes())
            raise InvalidSearchRequest("lang", f"lang must be one of {codes}.")
        if not isinstance(self.page_size, int) or not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise InvalidSearchRequest(
                "page_size", f"page_size must be an integer from 1 to {MAX_PAGE_SIZE}."
            )
        max_page = MAX_RESULT_WINDOW // self.page_size
        if not isinstance(self.page, int) or not 1 <= self.page <= max_page:
            raise InvalidSearchRequest(
                "page", f"page must be an integer from 1 to {max_page} at this page size."
            )
        filters = {}
        for facet, values in dict(self.filters).items():
            if facet not in FACETS:
                raise InvalidSearchRequest(facet, f"{facet!r} is not a search filter.")
            if isinstance(values, str):
                values = (values,)
            keys = tuple(sorted({str(v) for v in values if str(v).strip()}))
            if len(keys) > MAX_VALUES_PER_FACET:
                raise InvalidSearchRequest(facet, f"At most {MAX_VALUES_PER_FACET} values.")
            if keys:
                filters[facet] = keys
        object.__setattr__(self, "filters", filters)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def query(self) -> Query:
        return parse_query(self.text, self.language)


@dataclass
class SearchHit:
    document: SearchDocument
    score: float | None = None
    # Plain text with MARK_START/MARK_END around matched words; "" when nothing to show.
    snippet_text: str = ""

    @property
    def snippet(self) -> str:
        """The snippet as safe HTML with <mark> around the matched words."""
        from django.utils.html import escape

        return escape(self.snippet_text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass
class SearchResponse:
    request: SearchRequest
    total: int
    hits: list[SearchHit]
    # Public facet name -> values with count > 0 (count desc, then key), plus every
    # selected value even at zero so a page can always offer to remove it.
    facets: dict[str, list[FacetValue]]
    suggestion: str | None = None
    engine: str = ""
    # Milliseconds the engine itself reported (Elasticsearch's ``took``), when it has one.
    took_ms: float | None = None
    # With ``request.rank_window``: (doc id, score) of the best keyword matches, best first;
    # and which of ``request.also_ids`` are in the result set (they pass the filters).
    ranked: list[tuple[str, float]] = field(default_factory=list)
    also_matched: list[str] = field(default_factory=list)
    # Set by the search service when the hits are those of a corrected query (the visitor's
    # words matched little or nothing, the suggestion did): the query the hits answer.
    showing_results_for: str | None = None
    # How many documents matched the words themselves (the rest were found by meaning).
    keyword_total: int | None = None

    def facet_counts(self, facet: str) -> dict[str, int]:
        return {f.value: f.count for f in self.facets.get(facet, [])}


@dataclass
class AutocompleteHit:
    id: str
    title: str
    url: str
    kind: str
    locale: str


def shape_facets(request: SearchRequest, counts: Mapping[str, Mapping[str, int]]):
    """Engine-independent ordering of facet values, and the selected-at-zero rule."""
    facets: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        values = {v: c for v, c in counts.get(facet, {}).items() if c > 0}
        selected = set(request.filters.get(facet, ()))
        for value in selected:
            values.setdefault(value, 0)
        ordered = sorted(values.items(), key=lambda item: (-item[1], item[0]))
        facets[facet] = [FacetValue(v, c, v in selected) for v, c in ordered]
    return facets


class SearchEngine(ABC):
    """One search back end. Engines are cheap to build; build one per request if needed."""

    name = "engine"
    # What the engine does beyond the common behaviour, tested per engine:
    # "stemming" (committees finds committee), "suggestion" (did-you-mean), "highlight".
    capabilities: frozenset[str] = frozenset()

    @abstractmethod
    def index(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace documents (by id). Returns how many were written."""

    @abstractmethod
    def delete_source(self, source: str) -> int:
        """Remove every document of one source (a page and its lessons, say)."""

    def replace_source(self, source: str, documents: Iterable[SearchDocument]) -> int:
        """Make the index hold exactly ``documents`` for ``source``."""
        self.delete_source(source)
        return self.index(documents)

    @abstractmethod
    def rebuild(self, documents: Iterable[SearchDocument], progress=None) -> int:
        """Replace the whole index with ``documents``; returns the number indexed.
        ``progress(n)`` is called as documents are written (for a progress bar)."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResponse: ...

    def search_beside(
        self, request: SearchRequest, nearest: Callable[[], Sequence[str]]
    ) -> SearchResponse:
        """``request`` with the documents nearest in meaning as its ``also_ids``:
        ``nearest()`` returns them, and may still be computing them (``search.service``
        runs it beside the search). By default it is waited for first; an engine that can
        start on the words without them overrides this and asks as late as it can."""
        return self.search(replace(request, also_ids=tuple(nearest())))

    @abstractmethod
    def fetch(self, request: SearchRequest, doc_ids: list[str]) -> list[SearchHit]:
        """The hits for ``doc_ids``, in that order, with snippets for ``request``'s words."""

    @abstractmethod
    def autocomplete(self, text: str, language: str, limit: int = 8) -> list[AutocompleteHit]:
        """Titles in ``language`` whose words start with the typed words."""

    @abstractmethod
    def ping(self) -> bool:
        """True when the engine can answer; never raises."""

    @abstractmethod
    def count(self) -> int:
        """How many documents the index holds (all languages)."""


def check_autocomplete(text: str, limit: int) -> list[Term]:
    if len(text or "") > MAX_TEXT_LENGTH:
        raise InvalidSearchRequest("q", f"The query is longer than {MAX_TEXT_LENGTH} characters.")
    if not 1 <= limit <= MAX_AUTOCOMPLETE:
        raise InvalidSearchRequest("limit", f"limit must be from 1 to {MAX_AUTOCOMPLETE}.")
    words = WORD.findall(fold(text or ""))[:MAX_WORDS]
    return [Term(w, prefix=(i == len(words) - 1)) for i, w in enumerate(words)]
