"""The database engine: full text through the database's own search, facets by SQL.

Counting every facet disjunctively in one statement: a materialised CTE holds the documents
matching the text and language, each with a bit mask of the selected facets it satisfies.
A facet-value row then counts for its facet when the mask is complete, or when only that
facet's own bit is missing (the facet's own selection is ignored, every other one honoured).
Rows of documents failing two or more selections never reach the GROUP BY. A last row
carries the total. Measured in ``bench/RESULTS.md``.

The full-text parts differ per database and live in ``sqlite.py`` and ``postgres.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction
from django.db.utils import DatabaseError

from search.documents import FACETS, SearchDocument
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
from search.engines.serialise import document_from_data, document_to_data

DOCS = "hubsearch_indexeddocument"
FACET_ROWS = "hubsearch_documentfacet"
BATCH = 2000


def batched(iterable: Iterable, size: int) -> Iterator[list]:
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def language_clause(request: SearchRequest) -> tuple[str, list]:
    """The visitor's language, plus, on request, documents with no translation in it."""
    if not request.include_other_languages:
        return "D.locale = %s", [request.language]
    return (
        f"(D.locale = %s OR D.translation_key = '' OR NOT EXISTS (SELECT 1 FROM {DOCS} T "
        "WHERE T.translation_key = D.translation_key AND T.locale = %s))",
        [request.language, request.language],
    )


def filter_clauses(request: SearchRequest) -> list[tuple[str, list]]:
    return [
        (
            f"D.id IN (SELECT document_id FROM {FACET_ROWS} "
            f"WHERE facet = %s AND value IN ({placeholders(values)}))",
            [facet, *values],
        )
        for facet, values in request.filters.items()
    ]


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self, using: str = "default"):
        self.using = using
        vendor = connections[using].vendor
        if vendor == "sqlite":
            from search.engines.sqlite import SQLiteDialect as Dialect
        elif vendor == "postgresql":
            from search.engines.postgres import PostgresDialect as Dialect
        else:
            raise ImproperlyConfigured(f"The database search engine does not support {vendor}.")
        self.dialect = Dialect()
        self.name = f"database ({vendor})"
        self.capabilities = self.dialect.capabilities

    def cursor(self):
        return connections[self.using].cursor()

    # --- writing ---------------------------------------------------------------------------

    def index(self, documents: Iterable[SearchDocument]) -> int:
        unique = {doc.id: doc for doc in documents}
        with transaction.atomic(using=self.using), self.cursor() as cursor:
            ids = self._ids_where(cursor, "doc_id", list(unique))
            self._delete_ids(cursor, ids)
            for batch in batched(unique.values(), BATCH):
                self._insert(cursor, batch)
        return len(unique)

    def delete_source(self, source: str) -> int:
        with transaction.atomic(using=self.using), self.cursor() as cursor:
            ids = self._ids_where(cursor, "source", [source])
            self._delete_ids(cursor, ids)
        return len(ids)

    def rebuild(self, documents: Iterable[SearchDocument], progress=None) -> int:
        count = 0
        seen: set[str] = set()
        with transaction.atomic(using=self.using), self.cursor() as cursor:
            self.dialect.clear(cursor)
            cursor.execute(f"DELETE FROM {FACET_ROWS}")
            cursor.execute(f"DELETE FROM {DOCS}")
            for batch in batched(documents, BATCH):
                batch = [doc for doc in batch if doc.id not in seen]
                seen.update(doc.id for doc in batch)
                self._insert(cursor, batch)
                count += len(batch)
                if progress:
                    progress(len(batch))
            self.dialect.optimise(cursor)
        return count

    def _ids_where(self, cursor, column: str, values: list[str]) -> list[int]:
        ids: list[int] = []
        for batch in batched(values, 500):
            cursor.execute(
                f"SELECT id FROM {DOCS} WHERE {column} IN ({placeholders(batch)})", batch
            )
            ids += [row[0] for row in cursor.fetchall()]
        return ids

    def _delete_ids(self, cursor, ids: list[int]) -> None:
        for batch in batched(ids, 500):
            self.dialect.delete_text(cursor, batch)
            marks = placeholders(batch)
            cursor.execute(f"DELETE FROM {FACET_ROWS} WHERE document_id IN ({marks})", batch)
            cursor.execute(f"DELETE FROM {DOCS} WHERE id IN ({marks})", batch)

    def _insert(self, cursor, documents: list[SearchDocument]) -> None:
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
        self.dialect.insert_text(cursor, rows, documents)

    # --- reading ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResponse:
        try:
            with self.cursor() as cursor:
                return self._search(cursor, request)
        except DatabaseError as error:  # a broken index table, a lost connection
            raise SearchUnavailable(f"The database search failed: {error}") from error

    def _search(self, cursor, request: SearchRequest) -> SearchResponse:
        terms = request.terms
        fast = getattr(self.dialect, "search_in_index", None)
        if fast and not request.include_other_languages:
            counts, total, page = fast(cursor, request, terms)
        else:
            where = [language_clause(request)]
            if terms:
                where.append(self.dialect.text_clause(terms, request))
            filters = filter_clauses(request)
            counts, total = self._facet_counts(cursor, where, filters, request)
            page = []
            if total > request.offset:
                page = self._page(cursor, request, terms, where, filters)
        hits = self._hydrate(cursor, terms, page)
        suggestion = None
        if terms and total == 0:
            suggestion = self.dialect.suggestion(cursor, terms, request)
        return SearchResponse(
            request=request,
            total=total,
            hits=hits,
            facets=shape_facets(request, counts),
            suggestion=suggestion,
            engine=self.name,
        )

    def _facet_counts(self, cursor, where, filters, request):
        full = (1 << len(filters)) - 1
        mask = " + ".join(
            f"(CASE WHEN {sql} THEN {1 << bit} ELSE 0 END)" for bit, (sql, _) in enumerate(filters)
        )
        where_sql = " AND ".join(sql for sql, _ in where)
        params = [p for _, ps in filters for p in ps] + [p for _, ps in where for p in ps]
        # One branch for the documents passing every selection (all their facet rows), one
        # per selected facet for those failing only that one (that facet's rows only, an
        # index seek on (document, facet)), and the total.
        branches = [
            f"SELECT F.facet, F.value, COUNT(*) FROM m JOIN {FACET_ROWS} F "
            f"ON F.document_id = m.id WHERE m.mask = {full} GROUP BY F.facet, F.value"
        ]
        for bit, facet in enumerate(request.filters):
            branches.append(
                f"SELECT F.facet, F.value, COUNT(*) FROM m JOIN {FACET_ROWS} F "
                f"ON F.document_id = m.id AND F.facet = %s WHERE m.mask = {full - (1 << bit)} "
                "GROUP BY F.facet, F.value"
            )
            params.append(facet)
        branches.append(f"SELECT '', '', COUNT(*) FROM m WHERE m.mask = {full}")
        cursor.execute(
            f"WITH m AS MATERIALIZED (SELECT D.id AS id, {mask or '0'} AS mask "
            f"FROM {DOCS} D WHERE {where_sql}) " + " UNION ALL ".join(branches),
            params,
        )
        counts: dict[str, dict[str, int]] = {}
        total = 0
        for facet, value, count in cursor.fetchall():
            if facet == "":
                total = count
            else:
                values = counts.setdefault(facet, {})
                values[value] = values.get(value, 0) + count
        return counts, total

    def _page(self, cursor, request, terms, where, filters) -> list[tuple[int, float | None]]:
        """(id, score) of one page of hits."""
        page = [request.page_size, request.offset]
        if terms and request.sort == "relevance":
            return self.dialect.ranked_ids(cursor, terms, request, where, filters, page)
        clauses = where + filters
        cursor.execute(
            f"SELECT D.id, NULL FROM {DOCS} D WHERE {' AND '.join(s for s, _ in clauses)} "
            "ORDER BY D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
            [p for _, ps in clauses for p in ps] + page,
        )
        return cursor.fetchall()

    def _hydrate(self, cursor, terms, rows) -> list[SearchHit]:
        """The stored documents and snippets of one page of (id, score)."""
        ids = [row[0] for row in rows]
        data = {}
        if ids:
            cursor.execute(f"SELECT id, data FROM {DOCS} WHERE id IN ({placeholders(ids)})", ids)
            data = dict(cursor.fetchall())
        snippets = self.dialect.snippets(cursor, terms, ids) if terms else {}
        hits = []
        for pk, score in rows:
            document = document_from_data(data[pk])
            snippet = snippets.get(pk) or document.summary
            hits.append(SearchHit(document, None if score is None else float(score), snippet))
        return hits

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
