"""The database engine: full text through the database's own search, facets by SQL.

Rows: ``IndexedDocument`` (the document, its text as written), ``DocumentFacet`` (one row per
facet key, plus the ``shown`` rows: the visitor languages a document is a result for, one per
translation group, see ``search.analysis.shown_in``) and ``IndexedWord`` (how many documents
hold each word, for spelling suggestions on every database). Everything else (the full-text
index, PostgreSQL's facet-key array, the numbered keys facet counts read) is derived from
those rows by the dialect, so it can be rebuilt from them alone (``derive``, also run by the
migration that changed the analysis).

Matching, counting and ranking differ per database and live in ``sqlite.py`` and
``postgres.py``, behind the interface ``dialect.Dialect``; each answers ``search_in_index``
in a bounded number of statements.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction
from django.db.utils import DatabaseError

from search.analysis import Query, highlight, shown_in, surface_words
from search.documents import FACETS, SearchDocument
from search.engines import vocabulary
from search.engines.base import (
    AutocompleteHit,
    SearchEngine,
    SearchHit,
    SearchRequest,
    SearchResponse,
    SearchUnavailable,
    check_autocomplete,
    shape_facets,
)
from search.engines.dialect import DOCS, FACET_ROWS, SHOWN, WORDS, Dialect, Near
from search.engines.serialise import document_from_data, document_to_data
from search.languages import language_codes

BATCH = 2000
BROWSE_SECONDS = 3600


def index_changed() -> None:
    """What was cached of the index is stale: the content version (``hub.content_version``) moves
    on, now and again at commit, as for a publish: browse counts and cached search pages."""
    from hub.content_version import bump_version

    bump_version()


def batched(iterable: Iterable, size: int) -> Iterator[list]:
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def dialect_for(vendor: str) -> Dialect:
    if vendor == "sqlite":
        from search.engines.sqlite import SQLiteDialect

        return SQLiteDialect()
    if vendor == "postgresql":
        from search.engines.postgres import PostgresDialect

        return PostgresDialect()
    raise ImproperlyConfigured(f"The database search engine does not support {vendor}.")


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self, using: str = "default"):
        self.using = using
        vendor = self.vendor = connections[using].vendor
        self.dialect = dialect_for(vendor)
        self.name = f"database ({vendor})"
        self.capabilities = self.dialect.capabilities

    def cursor(self):
        return connections[self.using].cursor()

    def one_of(self, column: str, values: list) -> tuple[str, list]:
        """``column`` is one of ``values``: on PostgreSQL one array parameter, so the
        statement's text is the same for any number of values (psycopg parses each new text
        of a statement again: 10 ms for a list of 600 placeholders); elsewhere ``IN``."""
        if self.vendor == "postgresql":
            return f"{column} = ANY(%s)", [list(values)]
        return f"{column} IN ({placeholders(values)})", list(values)

    # --- writing ---------------------------------------------------------------------------

    def index(self, documents: Iterable[SearchDocument]) -> int:
        unique = {doc.id: doc for doc in documents}
        with transaction.atomic(using=self.using), self.cursor() as cursor:
            ids = self._ids_where(cursor, "doc_id", list(unique))
            groups = self._keys_of(cursor, ids) | {d.translation_key for d in unique.values()}
            self._delete_ids(cursor, ids)
            new_ids: list[int] = []
            for batch in batched(unique.values(), BATCH):
                new_ids += self._insert(cursor, batch)
            self.derive(cursor, new_ids, groups)
        index_changed()
        return len(unique)

    def delete_source(self, source: str) -> int:
        with transaction.atomic(using=self.using), self.cursor() as cursor:
            ids = self._ids_where(cursor, "source", [source])
            groups = self._keys_of(cursor, ids)
            self._delete_ids(cursor, ids)
            self.derive(cursor, [], groups)
        index_changed()
        return len(ids)

    def rebuild(self, documents: Iterable[SearchDocument], progress=None) -> int:
        count = 0
        seen: set[str] = set()
        words: Counter = Counter()
        with transaction.atomic(using=self.using), self.cursor() as cursor:
            self.dialect.prepare(cursor)
            self.dialect.clear(cursor)
            cursor.execute(f"DELETE FROM {FACET_ROWS}")
            cursor.execute(f"DELETE FROM {DOCS}")
            cursor.execute(f"DELETE FROM {WORDS}")
            for batch in batched(documents, BATCH):
                batch = [doc for doc in batch if doc.id not in seen]
                seen.update(doc.id for doc in batch)
                self._insert(cursor, batch, words=words)
                count += len(batch)
                if progress:
                    progress(len(batch))
            vocabulary.add_words(cursor, words)
            self.derive(cursor, None, None)
            self.dialect.optimise(cursor)
        if not connections[self.using].in_atomic_block:
            with self.cursor() as cursor:
                self.dialect.settle(cursor)
        index_changed()
        return count

    def derive(self, cursor, new_ids: list[int] | None, groups: set[str] | None) -> None:
        """What follows from the rows: the ``shown`` rows of the new documents and of every
        document in the translation ``groups`` they touched, the full text of the new ones, and
        the facet keys of the old ones whose ``shown`` rows changed. ``None``: everything."""
        where, params = "", []
        if new_ids is not None:
            keys = sorted(k for k in groups or () if k)
            clauses = []
            if new_ids:
                clauses.append(f"id IN ({placeholders(new_ids)})")
                params += new_ids
            if keys:
                clauses.append(f"translation_key IN ({placeholders(keys)})")
                params += keys
            if not clauses:
                return
            where = " WHERE " + " OR ".join(clauses)
        cursor.execute(f"SELECT id, translation_key, locale FROM {DOCS}{where}", params)
        rows = cursor.fetchall()
        members: dict[str, set[str]] = {}
        for _, key, locale in rows:
            if key:
                members.setdefault(key, set()).add(locale)
        languages = language_codes()
        wanted = {
            pk: shown_in(locale, members.get(key, ()) if key else (), languages)
            for pk, key, locale in rows
        }
        current: dict[int, set[str]] = {}
        for batch in batched(list(wanted), 500):
            cursor.execute(
                f"SELECT document_id, value FROM {FACET_ROWS} "
                f"WHERE facet = %s AND document_id IN ({placeholders(batch)})",
                [SHOWN, *batch],
            )
            for pk, value in cursor.fetchall():
                current.setdefault(pk, set()).add(value)
        changed = [pk for pk, shown in wanted.items() if current.get(pk, set()) != shown]
        for batch in batched(changed, 500):
            cursor.execute(
                f"DELETE FROM {FACET_ROWS} WHERE facet = %s "
                f"AND document_id IN ({placeholders(batch)})",
                [SHOWN, *batch],
            )
        cursor.executemany(
            f"INSERT INTO {FACET_ROWS} (document_id, facet, value) VALUES (%s, %s, %s)",
            [(pk, SHOWN, code) for pk in changed for code in sorted(wanted[pk])],
        )
        fresh = list(wanted) if new_ids is None else new_ids
        for batch in batched(fresh, BATCH):
            self.dialect.write_text(cursor, batch)
        fresh_set = set(fresh)
        for batch in batched([pk for pk in changed if pk not in fresh_set], 500):
            self.dialect.refresh_facets(cursor, batch)

    def _keys_of(self, cursor, ids: list[int]) -> set[str]:
        keys: set[str] = set()
        for batch in batched(ids, 500):
            cursor.execute(
                f"SELECT DISTINCT translation_key FROM {DOCS} WHERE id IN ({placeholders(batch)})",
                batch,
            )
            keys.update(row[0] for row in cursor.fetchall() if row[0])
        return keys

    def _ids_where(self, cursor, column: str, values: list[str]) -> list[int]:
        ids: list[int] = []
        for batch in batched(values, 500):
            cursor.execute(
                f"SELECT id FROM {DOCS} WHERE {column} IN ({placeholders(batch)})", batch
            )
            ids += [row[0] for row in cursor.fetchall()]
        return ids

    def _delete_ids(self, cursor, ids: list[int]) -> None:
        gone: Counter = Counter()
        for batch in batched(ids, 500):
            marks = placeholders(batch)
            cursor.execute(f"SELECT title, summary, body FROM {DOCS} WHERE id IN ({marks})", batch)
            for texts in cursor.fetchall():
                gone.update(surface_words(" ".join(texts)))
            self.dialect.delete_text(cursor, batch)
            cursor.execute(f"DELETE FROM {FACET_ROWS} WHERE document_id IN ({marks})", batch)
            cursor.execute(f"DELETE FROM {DOCS} WHERE id IN ({marks})", batch)
        vocabulary.add_words(cursor, Counter({w: -n for w, n in gone.items()}))

    def _insert(self, cursor, documents: list[SearchDocument], words=None) -> list[int]:
        from search.models import IndexedDocument

        rows = IndexedDocument.objects.using(self.using).bulk_create(
            IndexedDocument(
                doc_id=doc.id,
                source=doc.source,
                kind=doc.kind,
                locale=doc.locale,
                translation_key=doc.translation_key,
                title=doc.title,
                summary=doc.summary,
                body=doc.body,
                date=doc.date,
                data=document_to_data(doc),
            )
            for doc in documents
        )
        facet_rows = [
            (row.pk, facet, value)
            for row, doc in zip(rows, documents, strict=True)
            for facet in FACETS
            for value in doc.facet_values(facet)
        ]
        cursor.executemany(
            f"INSERT INTO {FACET_ROWS} (document_id, facet, value) VALUES (%s, %s, %s)",
            facet_rows,
        )
        counted = Counter()
        for doc in documents:
            counted.update(surface_words(f"{doc.title} {doc.summary} {doc.body}"))
        if words is None:
            vocabulary.add_words(cursor, counted)
        else:
            words.update(counted)
        return [row.pk for row in rows]

    # --- reading ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResponse:
        return self._answer(request, Near(request.also_ids))

    def search_beside(self, request: SearchRequest, nearest) -> SearchResponse:
        """The dialects send their statement over the words first and ask ``nearest`` only
        then: the database and the scan of the vectors work at the same time."""
        return self._answer(request, Near(nearest))

    def _answer(self, request: SearchRequest, near: Near) -> SearchResponse:
        try:
            with self.cursor() as cursor:
                return self._search(cursor, request, near)
        except DatabaseError as error:  # a broken index table, a lost connection
            raise SearchUnavailable(f"The database search failed: {error}") from error

    def _search(self, cursor, request: SearchRequest, near: Near) -> SearchResponse:
        query = request.query
        if query or near.doc_ids():
            counts, total, rows, also_matched = self.dialect.search_in_index(
                cursor, request, query, near
            )
        else:
            counts, total, rows, also_matched = self._browse(cursor, request)
        response = SearchResponse(
            request=request,
            total=total,
            hits=[],
            facets=shape_facets(request, counts),
            suggestion=vocabulary.suggestion(cursor, request.text, query) if query else None,
            engine=self.name,
        )
        if request.rank_window:
            response.ranked = [(doc_id, float(score or 0)) for _, doc_id, score in rows]
            response.also_matched = [near.names[pk] for pk in also_matched if pk in near.names]
        else:
            response.hits = self._hydrate(cursor, request, query, rows)
        return response

    def _browse(self, cursor, request: SearchRequest):
        """Browsing (no words) counts every facet over every document of a language: the
        costliest request there is, and the same for every visitor until the index changes.
        Kept in the cache under the content version (``index_changed`` moves it on)."""
        from django.core.cache import cache

        from hub.content_version import current_version

        described = repr(
            (
                self.using,
                request.language,
                request.include_other_languages,
                sorted(request.filters.items()),
                request.sort,
                request.page,
                request.page_size,
            )
        )
        digest = hashlib.sha256(described.encode()).hexdigest()[:32]
        key = f"hubsearch:browse:{current_version()}:{digest}"
        found = cache.get(key)
        if found is None:
            found = self.dialect.search_in_index(cursor, request, Query(), Near())
            cache.set(key, found, BROWSE_SECONDS)
        return found

    def fetch(self, request: SearchRequest, doc_ids: list[str]) -> list[SearchHit]:
        if not doc_ids:
            return []
        wanted, params = self.one_of("doc_id", doc_ids)
        with self.cursor() as cursor:
            cursor.execute(f"SELECT doc_id, data FROM {DOCS} WHERE {wanted}", params)
            found = dict(cursor.fetchall())
        query = request.query  # parsed once, not once per hit
        return [self._hit(found[doc_id], None, query) for doc_id in doc_ids if doc_id in found]

    def _hydrate(self, cursor, request, query: Query, rows) -> list[SearchHit]:
        """The stored documents of (id, doc_id, score) rows, with their snippets."""
        ids = [row[0] for row in rows]
        data = {}
        if ids:
            wanted, params = self.one_of("id", ids)
            cursor.execute(f"SELECT id, data FROM {DOCS} WHERE {wanted}", params)
            data = dict(cursor.fetchall())
        return [self._hit(data[pk], score, query) for pk, _, score in rows]

    def _hit(self, data, score, query: Query) -> SearchHit:
        """A hit with a snippet around the words that matched, marked here: the index holds
        stems, not the text as written."""
        document = document_from_data(data)
        snippet = ""
        if query:
            for text in (document.body, document.summary, document.title):
                snippet = highlight(text, document.locale, query)
                if snippet:
                    break
        score = None if score is None else float(score)
        return SearchHit(document, score, snippet or document.summary)

    def autocomplete(self, text: str, language: str, limit: int = 8) -> list[AutocompleteHit]:
        terms = check_autocomplete(text, limit)
        if not terms:
            return []
        with self.cursor() as cursor:
            rows = self.dialect.autocomplete(cursor, terms, language, limit)
        return [AutocompleteHit(*row) for row in rows]

    def ping(self) -> bool:
        try:
            with self.cursor() as cursor:
                cursor.execute(f"SELECT 1 FROM {DOCS} LIMIT 1")
            return True
        except DatabaseError:
            return False

    def count(self) -> int:
        with self.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {DOCS}")
            return cursor.fetchone()[0]
