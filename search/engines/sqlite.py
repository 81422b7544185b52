"""SQLite specifics of the database engine: FTS5, bm25 ranking, snippet(), the vocabulary.

The FTS5 table keeps its own copy of title, summary and body (rowid = document id), folds
accents (``unicode61 remove_diacritics 2``) and does not stem: SQLite has no stemmer for
French or Spanish, and one that stems English only would make languages behave differently.
"""

from __future__ import annotations

import difflib

from search.documents import FACETS
from search.engines.base import MARK_END, MARK_START, Phrase, SearchRequest, Term

FTS = "hubsearch_fts"
VOCAB = "hubsearch_fts_vocab"
DOCS = "hubsearch_indexeddocument"
FACET_ROWS = "hubsearch_documentfacet"
# bm25 column weights: a word in the title counts more than one in the summary or body; the
# facets column never counts.
WEIGHTS = "10.0, 4.0, 1.0, 0.0"
FACET_NUMBER = {facet: number for number, facet in enumerate(FACETS)}


def facet_token(facet: str, value: str) -> str:
    """One FTS5 token per (facet, key): letters and hex digits only, so no tokenizer splits
    or folds it, and no word of a text can equal it ("f1v4b45" is country KE)."""
    return f"f{FACET_NUMBER[facet]}v{value.encode().hex()}"


def text_expression(terms) -> str:
    return "{title summary body} : (" + match_expression(terms) + ")"


def match_expression(terms: list[Term | Phrase]) -> str:
    """FTS5 query text; every word is quoted so no input reads as an FTS5 operator."""
    parts = []
    for term in terms:
        if isinstance(term, Phrase):
            parts.append('"' + " ".join(term.words) + '"')
        else:
            parts.append(f'"{term.word}"' + ("*" if term.prefix else ""))
    return " AND ".join(parts)


class SQLiteDialect:
    capabilities = frozenset({"highlight", "suggestion"})

    def search_in_index(self, cursor, request: SearchRequest, terms):
        """Text, language and selections as one FTS5 expression each set needs.

        The hits are ``text AND language AND every selection``; facet f counts over the same
        without f's own selection. FTS5 intersects those doclists itself, so each set costs
        what its matches cost, and facet rows are read only for the documents in it.
        """
        base = []
        if terms:
            base.append("{title summary body} : (" + match_expression(terms) + ")")
        base.append("facets : " + facet_token("language", request.language))
        selections = {
            facet: "facets : (" + " OR ".join(facet_token(facet, v) for v in values) + ")"
            for facet, values in request.filters.items()
        }

        def expression(skip=None):
            return " AND ".join(base + [e for f, e in selections.items() if f != skip])

        full = expression()
        matching = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s"
        selected = list(selections)
        not_selected = (
            f" AND F.facet NOT IN ({', '.join(['%s'] * len(selected))})" if selected else ""
        )
        branches = [
            f"SELECT F.facet, F.value, COUNT(*) FROM {FACET_ROWS} F "
            f"WHERE F.document_id IN ({matching}){not_selected} GROUP BY F.facet, F.value"
        ]
        params = [full, *selected]
        for facet in selected:
            branches.append(
                f"SELECT F.facet, F.value, COUNT(*) FROM {FACET_ROWS} F "
                f"WHERE F.document_id IN ({matching}) AND F.facet = %s "
                "GROUP BY F.facet, F.value"
            )
            params += [expression(skip=facet), facet]
        branches.append(f"SELECT '', '', COUNT(*) FROM {FTS} WHERE {FTS} MATCH %s")
        params.append(full)
        cursor.execute(" UNION ALL ".join(branches), params)
        counts: dict[str, dict[str, int]] = {}
        total = 0
        for facet, value, count in cursor.fetchall():
            if facet == "":
                total = count
            else:
                counts.setdefault(facet, {})[value] = count
        page: list = []
        if total > request.offset:
            page = self._page_in_index(cursor, request, terms, full)
        return counts, total, page

    def _page_in_index(self, cursor, request, terms, expression):
        limit = [request.page_size, request.offset]
        if terms and request.sort == "relevance":
            cursor.execute(
                f"SELECT D.id, -bm25({FTS}, {WEIGHTS}) AS score FROM {FTS} "
                f"JOIN {DOCS} D ON D.id = {FTS}.rowid WHERE {FTS} MATCH %s "
                "ORDER BY score DESC, D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
                [expression, *limit],
            )
        elif not terms and not request.filters:
            # Browsing a language: the (locale, date) index gives the page directly.
            cursor.execute(
                f"SELECT D.id, NULL FROM {DOCS} D WHERE D.locale = %s "
                "ORDER BY D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
                [request.language, *limit],
            )
        else:
            cursor.execute(
                f"SELECT D.id, NULL FROM {DOCS} D WHERE D.id IN "
                f"(SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s) "
                "ORDER BY D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
                [expression, *limit],
            )
        return cursor.fetchall()

    def text_clause(self, terms, request: SearchRequest):
        return (
            f"D.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)",
            [text_expression(terms)],
        )

    def ranked_ids(self, cursor, terms, request, where, filters, page):
        # The FTS table drives the join: one pass over the matches computes bm25 for each,
        # where a correlated MATCH per candidate row would grow quadratically.
        clauses = [where[0], *filters]
        cursor.execute(
            f"SELECT D.id, -bm25({FTS}, {WEIGHTS}) AS score FROM {FTS} "
            f"JOIN hubsearch_indexeddocument D ON D.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND {' AND '.join(s for s, _ in clauses)} "
            "ORDER BY score DESC, D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
            [text_expression(terms), *(p for _, ps in clauses for p in ps), *page],
        )
        return cursor.fetchall()

    def snippets(self, cursor, terms, ids: list[int]) -> dict[int, str]:
        """The body's best passage, else the summary's, else the title (never the facets)."""
        if not ids:
            return {}
        marks = ", ".join(["%s"] * len(ids))
        columns = ", ".join(f"snippet({FTS}, {column}, %s, %s, '…', 24)" for column in (2, 1, 0))
        cursor.execute(
            f"SELECT rowid, {columns} FROM {FTS} WHERE {FTS} MATCH %s AND rowid IN ({marks})",
            [MARK_START, MARK_END] * 3 + [text_expression(terms), *ids],
        )
        return {
            row[0]: next((text for text in row[1:] if MARK_START in (text or "")), "")
            for row in cursor.fetchall()
        }

    def insert_text(self, cursor, rows, documents) -> None:
        cursor.executemany(
            f"INSERT INTO {FTS} (rowid, title, summary, body, facets) VALUES (%s, %s, %s, %s, %s)",
            [
                (
                    row.pk,
                    row.title,
                    row.summary,
                    row.body,
                    " ".join(
                        facet_token(facet, value)
                        for facet in FACETS
                        for value in document.facet_values(facet)
                    ),
                )
                for row, document in zip(rows, documents, strict=True)
            ],
        )

    def delete_text(self, cursor, ids: list[int]) -> None:
        cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)

    def clear(self, cursor) -> None:
        cursor.execute(f"DELETE FROM {FTS}")

    def optimise(self, cursor) -> None:
        cursor.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('optimize')")
        cursor.execute("ANALYZE")

    def autocomplete(self, cursor, terms: list[Term], language: str, limit: int):
        expression = "title : (" + match_expression(terms) + ")"
        cursor.execute(
            f"SELECT D.doc_id, D.title, json_extract(D.data, '$.url'), D.kind, D.locale "
            f"FROM {FTS} JOIN hubsearch_indexeddocument D ON D.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND D.locale = %s "
            f"ORDER BY bm25({FTS}, {WEIGHTS}), D.title LIMIT %s",
            [expression, language, limit],
        )
        return cursor.fetchall()

    def suggestion(self, cursor, terms, request) -> str | None:
        """Replace words the index has never seen with the closest word it has."""
        words, changed = [], False
        for term in terms:
            if isinstance(term, Phrase):
                words.append('"' + " ".join(term.words) + '"')
                continue
            cursor.execute(f"SELECT 1 FROM {VOCAB} WHERE term = %s", [term.word])
            if term.prefix or cursor.fetchone() or len(term.word) < 4:
                words.append(term.word + ("*" if term.prefix else ""))
                continue
            start = term.word[:2]
            cursor.execute(
                f"SELECT term FROM {VOCAB} WHERE term >= %s AND term < %s",
                [start, start + "\uffff"],
            )
            close = difflib.get_close_matches(term.word, [r[0] for r in cursor.fetchall()], 1, 0.75)
            words.append(close[0] if close else term.word)
            changed = changed or bool(close)
        return " ".join(words) if changed else None
