"""What the database engine asks of a database, and the tables both sides use.

``DatabaseEngine`` (``database.py``) keeps the rows every database shares; a ``Dialect``
(``sqlite.py``, ``postgres.py``) derives its own full-text index from them and answers
searches over it. The table names are those of the models in ``search/models.py`` (a test
holds them equal) and of the index tables the migrations create, written here once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from search.analysis import Query, Term
    from search.engines.base import SearchRequest

DOCS = "hubsearch_indexeddocument"  # IndexedDocument
FACET_ROWS = "hubsearch_documentfacet"  # DocumentFacet
WORDS = "hubsearch_indexedword"  # IndexedWord
FTS = "hubsearch_fts"  # SQLite: the FTS5 table (migrations 0002 and 0006)
# The numbering of facet keys, and (SQLite) each document's keys as numbers with the date and
# id that order ties (migration 0009, ``key_counts``).
DOC_KEYS = "hubsearch_dockeys"
KEY_IDS = "hubsearch_keyids"
# The facet-row name of the visitor languages a document is a result for (one document per
# translation group, ``search.analysis.shown_in``): how each dialect answers a request that
# includes other languages, inside its main query, as one more indexed key.
SHOWN = "shown"

# (facet counts {facet: {key: count}}, total, rows [(id, doc_id, score)], row ids of the
# ``Near`` documents that pass the language and selections)
Found = tuple[dict[str, dict[str, int]], int, list, list[int]]


class Near:
    """The documents a search finds by meaning besides its words (``search.semantic``).

    Their doc ids come from ``source``, which may still be computing them when the search
    starts (``search.service`` runs it in a thread while the database matches the words):
    a dialect asks for them (``doc_ids``) only once its statement over the words is done,
    and notes the row ids it finds them under in ``names``."""

    def __init__(self, source: Sequence[str] | Callable[[], Sequence[str]] = ()):
        self._source = source
        self._doc_ids: list[str] | None = None
        self.names: dict[int, str] = {}  # row id -> doc id, of those the index holds

    def doc_ids(self) -> list[str]:
        if self._doc_ids is None:
            found = self._source() if callable(self._source) else self._source
            self._doc_ids = list(dict.fromkeys(found))
        return self._doc_ids


@runtime_checkable
class Dialect(Protocol):
    # What the engine does beyond the common behaviour (``SearchEngine.capabilities``).
    capabilities: frozenset[str]

    def prepare(self, cursor) -> None:
        """Create what the hub's languages need in the database (a rebuild and every
        ``migrate`` call it): a language added to ``settings.LANGUAGES`` needs no migration."""

    def search_in_index(self, cursor, request: SearchRequest, query: Query, near: Near) -> Found:
        """Facet counts, total and the requested page (or ``rank_window``) of documents
        matching ``query`` (or ``near`` in meaning), in the request's language or, with
        ``include_other_languages``, shown in it; in a bounded number of statements."""

    def write_text(self, cursor, ids: list[int]) -> None:
        """Index the text and facet keys of documents whose rows were just written."""

    def refresh_facets(self, cursor, ids: list[int]) -> None:
        """Re-read the facet keys of indexed documents whose facet rows changed."""

    def write_keys(self, cursor, ids: list[int]) -> None:
        """Write only the numbered facet keys of indexed documents (``key_counts``)."""

    def delete_text(self, cursor, ids: list[int]) -> None:
        """Drop what ``write_text`` indexed for these documents (before their rows go)."""

    def clear(self, cursor) -> None:
        """Drop the whole full-text index (a rebuild follows)."""

    def optimise(self, cursor) -> None:
        """Make a freshly rebuilt index fast to query."""

    def settle(self, cursor) -> None:
        """What a rebuild needs once committed, outside any transaction (PostgreSQL's
        VACUUM)."""

    def autocomplete(self, cursor, terms: list[Term], language: str, limit: int) -> list:
        """(doc_id, title, url, kind, locale) of titles in ``language`` holding the words."""
