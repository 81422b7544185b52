"""SQLite specifics of the database engine: FTS5 over stems, bm25 ranking, coverage.

The FTS5 table holds the document's text as ``search.analysis.analyse`` makes it (stems of
the document's language, accents folded; rowid = document id), the title once more as
written (folded, unstemmed) for autocomplete, and one token per facet key. A query word is
matched in every configured language's stemmed form, so a visitor's word finds documents in
any language that share its stem ("budget", "budgets", "presupuesto" is another matter:
that is what ``search.semantic`` is for).

A query's optional words are OR-ed in one FTS5 expression (bm25 ranks the matches); when a
share of them is enough (``Query.minimum_should_match``), each word's own match set is read
once and a document's *coverage* (how many of the words it holds) must reach that share.
"""

from __future__ import annotations

import json

from search.analysis import Phrase, Query, Term, analyse, fold
from search.documents import FACETS
from search.engines.base import SearchRequest
from search.engines.dialect import DOC_KEYS, DOCS, FACET_ROWS, FTS, KEY_IDS, SHOWN, Near
from search.engines.key_counts import Candidates, count, pack, with_near
from search.languages import language_codes

# bm25 column weights: a word in the title counts more than one in the summary or body; the
# facets and the unstemmed title (autocomplete only) never count.
WEIGHTS = "10.0, 4.0, 1.0, 0.0, 0.0"
TEXT = "{title summary body}"
# SHOWN is numbered after the public facets.
FACET_NUMBER = {facet: number for number, facet in enumerate([*FACETS, SHOWN])}
ORDER = "D.date DESC NULLS LAST, D.doc_id"


def facet_token(facet: str, value: str) -> str:
    """One FTS5 token per (facet, key): letters and hex digits only, so no tokenizer splits
    or folds it, and no word of a text can equal it ("f1v4b45" is country KE)."""
    return f"f{FACET_NUMBER[facet]}v{value.encode().hex()}"


def facet_tokens(pairs) -> str:
    """A document's (facet, key) pairs as its FTS5 ``facets`` column."""
    return " ".join(sorted(facet_token(*pair) for pair in pairs))


def part_expression(part: Term | Phrase, languages) -> str:
    """One query part in FTS5 syntax; every word is quoted so none reads as an operator."""
    if isinstance(part, Phrase):
        forms = dict.fromkeys(" ".join(part.stems(code)) for code in languages)
    else:
        forms = dict.fromkeys(part.stems(languages))
    star = "*" if isinstance(part, Term) and part.prefix else ""
    quoted = [f'"{form}"{star}' for form in forms if form]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def text_expression(query: Query, languages) -> str:
    required = [part_expression(p, languages) for p in query.required]
    optional = [part_expression(p, languages) for p in query.optional]
    alternatives = query.alternatives()
    if alternatives:
        sets = [" AND ".join(part_expression(p, languages) for p in s) for s in alternatives]
        optional = ["(" + " OR ".join(f"({s})" for s in sets) + ")"]
    elif not query.strict:
        optional = ["(" + " OR ".join(optional) + ")"]
    parts = required + optional
    return f"{TEXT} : (" + " AND ".join(parts) + ")"


def coverage(query: Query, languages) -> tuple[str, list]:
    """How many optional words a row holds, as SQL over ``rowid``: each word's match set is
    an uncorrelated subquery, which SQLite builds once per statement."""
    terms = [
        f"({FTS}.rowid IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s))" for _ in query.optional
    ]
    params = [f"{TEXT} : {part_expression(p, languages)}" for p in query.optional]
    return "(" + " + ".join(terms) + ")", params


def candidates(selections: dict[str, str]) -> str | None:
    """FTS5 condition: every selection but at most one holds (None when that is everything).
    Facet f counts over the documents passing every selection but f's, so these are all the
    documents any count needs."""
    if len(selections) < 2:
        return None
    expressions = list(selections.values())
    either = [
        "(" + " AND ".join(e for j, e in enumerate(expressions) if j != i) + ")"
        for i in range(len(expressions))
    ]
    return "(" + " OR ".join(either) + ")"


class SQLiteDialect:
    capabilities = frozenset({"stemming", "highlight", "suggestion"})

    def search_in_index(self, cursor, request: SearchRequest, query: Query, near: Near):
        """Counts, total, rows and the ids of the ``near`` documents that pass language and
        selections.

        The hits are ``(text AND coverage OR near) AND language AND every selection``; facet
        f counts over the same without f's own selection. One statement reads the keys of the
        candidates the words find (``key_counts``: FTS5 intersects the text, language and
        selection doclists itself), one more those of the near documents (known by then),
        the counts are made in numpy, and one more statement ranks or orders the page.
        """
        languages = language_codes()
        shown = SHOWN if request.include_other_languages else "language"
        language = "facets : " + facet_token(shown, request.language)
        selections = {
            facet: "facets : (" + " OR ".join(facet_token(facet, v) for v in values) + ")"
            for facet, values in request.filters.items()
        }
        text = text_expression(query, languages) if query else None
        covered, cover_params = ("", [])
        if query and not query.strict and not query.alternatives():
            sql, cover_params = coverage(query, languages)
            covered = f" AND {sql} >= {query.minimum_should_match}"
        wide = [e for e in [text, language, candidates(selections)] if e]
        cursor.execute(
            f"SELECT K.id, K.keys FROM {DOC_KEYS} K WHERE K.id IN "
            f"(SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s{covered})",
            [" AND ".join(wide), *cover_params],
        )
        found, hits = Candidates.from_rows(cursor.fetchall()), None
        if near.doc_ids():
            cursor.execute(
                f"SELECT K.id, K.keys, D.doc_id FROM {DOC_KEYS} K JOIN {DOCS} D ON D.id = K.id "
                "WHERE D.doc_id IN (SELECT value FROM json_each(%s))",
                [json.dumps(near.doc_ids())],
            )
            rows = cursor.fetchall()
            near.names = {pk: doc_id for pk, _, doc_id in rows}
            found, hits = with_near(found, None, Candidates.from_rows(rows))
        counts, total, also_matched = count(cursor, request, found, sorted(near.names), hits)
        conditions = [language, *selections.values()]
        rows = []
        if text and request.sort == "relevance":
            window = request.rank_window or request.page_size
            offset = 0 if request.rank_window else request.offset
            if request.rank_window or total > offset:
                rows = self._ranked(
                    cursor, text, conditions, covered, cover_params, query, window, offset
                )
        elif total > request.offset:
            limit = [request.page_size, request.offset]
            if not text and not request.filters and not request.include_other_languages:
                # Browsing one language: the (locale, date) index gives the page directly.
                cursor.execute(
                    f"SELECT D.id, D.doc_id, NULL FROM {DOCS} D WHERE D.locale = %s "
                    f"ORDER BY {ORDER} LIMIT %s OFFSET %s",
                    [request.language, *limit],
                )
            else:
                match = " AND ".join([text, *conditions] if text else conditions)
                cursor.execute(
                    f"SELECT D.id, D.doc_id, NULL FROM {DOC_KEYS} D WHERE D.id IN "
                    f"(SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s{covered} "
                    f"UNION ALL SELECT value FROM json_each(%s)) "
                    f"ORDER BY {ORDER} LIMIT %s OFFSET %s",
                    [match, *cover_params, json.dumps(also_matched), *limit],
                )
            rows = cursor.fetchall()
        return counts, total, rows, also_matched

    def _ranked(self, cursor, text, conditions, covered, cover_params, query, limit, offset):
        """Keyword matches best first: coverage of the query's words, then bm25 (title words
        weigh most), squashed below 1 so it only orders documents of equal coverage.

        SQL orders by the two columns and computes bm25 once per row (written twice in one
        expression, it is computed twice: a common word at 10k documents ranks 1,400 rows);
        the score is put together here, for the page's rows only. Ties are ordered by the
        narrow key rows' date and id: a join to the documents themselves read a page of the
        wide table per match (20 ms of 50 for 6,600 matches at 100k documents)."""
        languages = language_codes()
        if covered:
            cover_sql, params = coverage(query, languages)
        else:
            cover_sql, params = str(len(query.optional)), []
        cursor.execute(
            f"SELECT D.id, D.doc_id, {cover_sql} AS covered, bm25({FTS}, {WEIGHTS}) AS b "
            f"FROM {FTS} JOIN {DOC_KEYS} D ON D.id = {FTS}.rowid WHERE {FTS} MATCH %s{covered} "
            f"ORDER BY covered DESC, b, {ORDER} LIMIT %s OFFSET %s",
            [*params, " AND ".join([text, *conditions]), *cover_params, limit, offset],
        )
        return [(pk, doc_id, covered + -b / (1.0 - b)) for pk, doc_id, covered, b in cursor]

    def prepare(self, cursor) -> None:
        """Nothing: analysis happens in Python (``search.analysis``), for any language."""

    def write_text(self, cursor, ids: list[int]) -> None:
        """FTS and key rows for documents whose rows (and facet rows) are written."""
        if not ids:
            return
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT id, locale, title, summary, body FROM {DOCS} WHERE id IN ({marks})", ids
        )
        documents = cursor.fetchall()
        keys = self._facet_keys(cursor, ids)
        cursor.executemany(
            f"INSERT INTO {FTS} (rowid, title, summary, body, facets, plain_title) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    pk,
                    analyse(title, locale),
                    analyse(summary, locale),
                    analyse(body, locale),
                    facet_tokens(keys.get(pk, ())),
                    fold(title),
                )
                for pk, locale, title, summary, body in documents
            ],
        )
        self.write_keys(cursor, ids, keys)

    def refresh_facets(self, cursor, ids: list[int]) -> None:
        keys = self._facet_keys(cursor, ids)
        cursor.executemany(
            f"UPDATE {FTS} SET facets = %s WHERE rowid = %s",
            [(facet_tokens(keys.get(pk, ())), pk) for pk in ids],
        )
        self.write_keys(cursor, ids, keys)

    def _facet_keys(self, cursor, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT document_id, facet, value FROM {FACET_ROWS} WHERE document_id IN ({marks})",
            ids,
        )
        keys: dict[int, list[tuple[str, str]]] = {}
        for pk, facet, value in cursor.fetchall():
            keys.setdefault(pk, []).append((facet, value))
        return keys

    def write_keys(self, cursor, ids: list[int], keys=None) -> None:
        """The key rows (``key_counts``) of these documents, numbering new keys first;
        ``keys``: their facet keys, when already read."""
        if keys is None:
            keys = self._facet_keys(cursor, ids)
        pairs = sorted({pair for pairs in keys.values() for pair in pairs})
        cursor.executemany(f"INSERT OR IGNORE INTO {KEY_IDS} (facet, value) VALUES (%s, %s)", pairs)
        cursor.execute(f"SELECT id, facet, value FROM {KEY_IDS}")
        number = {(facet, value): key for key, facet, value in cursor.fetchall()}
        marks = ", ".join(["%s"] * len(ids))
        # As stored (ISO text): the column type would turn it into a date object.
        cursor.execute(
            f"SELECT id, doc_id, CAST(date AS TEXT) FROM {DOCS} WHERE id IN ({marks})", ids
        )
        cursor.executemany(
            f"INSERT OR REPLACE INTO {DOC_KEYS} (id, doc_id, date, keys) VALUES (%s, %s, %s, %s)",
            [
                (pk, doc_id, date, pack(number[pair] for pair in keys.get(pk, ())))
                for pk, doc_id, date in cursor.fetchall()
            ],
        )

    def delete_text(self, cursor, ids: list[int]) -> None:
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({marks})", ids)
        cursor.execute(f"DELETE FROM {DOC_KEYS} WHERE id IN ({marks})", ids)

    def clear(self, cursor) -> None:
        """The key numbers stay: a search running meanwhile reads them by number."""
        cursor.execute(f"DELETE FROM {FTS}")
        cursor.execute(f"DELETE FROM {DOC_KEYS}")

    def optimise(self, cursor) -> None:
        cursor.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('optimize')")
        cursor.execute("ANALYZE")

    def settle(self, cursor) -> None:
        """Nothing: ``optimise`` did what SQLite needs."""

    def autocomplete(self, cursor, terms: list[Term], language: str, limit: int):
        words = [f'"{t.word}"' + ("*" if t.prefix else "") for t in terms]
        expression = "plain_title : (" + " AND ".join(words) + ")"
        cursor.execute(
            f"SELECT D.doc_id, D.title, json_extract(D.data, '$.url'), D.kind, D.locale "
            f"FROM {FTS} JOIN {DOCS} D ON D.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND D.locale = %s "
            f"ORDER BY bm25({FTS}, 0.0, 0.0, 0.0, 0.0, 1.0), D.title LIMIT %s",
            [expression, language, limit],
        )
        return cursor.fetchall()
