"""SQLite specifics of the database engine: FTS5, bm25 ranking, snippet(), the vocabulary.

The FTS5 table keeps its own copy of title, summary and body (rowid = document id), folds
accents (``unicode61 remove_diacritics 2``) and does not stem: SQLite has no stemmer for
French or Spanish, and one that stems English only would make languages behave differently.
"""

from __future__ import annotations

import difflib

from search.engines.base import MARK_END, MARK_START, Phrase, SearchRequest, Term

FTS = "hubsearch_fts"
VOCAB = "hubsearch_fts_vocab"
# bm25 column weights: a word in the title counts more than one in the summary or body.
WEIGHTS = "10.0, 4.0, 1.0"


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

    def text_clause(self, terms, request: SearchRequest):
        return (
            f"D.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)",
            [match_expression(terms)],
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
            [match_expression(terms), *(p for _, ps in clauses for p in ps), *page],
        )
        return cursor.fetchall()

    def snippets(self, cursor, terms, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT rowid, snippet({FTS}, -1, %s, %s, '…', 24) FROM {FTS} "
            f"WHERE {FTS} MATCH %s AND rowid IN ({marks})",
            [MARK_START, MARK_END, match_expression(terms), *ids],
        )
        return dict(cursor.fetchall())

    def insert_text(self, cursor, rows) -> None:
        cursor.executemany(
            f"INSERT INTO {FTS} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
            [(row.pk, row.title, row.summary, row.body) for row in rows],
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
