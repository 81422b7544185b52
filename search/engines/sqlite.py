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

from search.analysis import Phrase, Query, Term, analyse, fold
from search.documents import FACETS
from search.engines.base import SearchRequest
from search.engines.dialect import DOCS, FACET_ROWS, FTS, SHOWN
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


def also_passing(request: SearchRequest, also: list[int], skip=None) -> tuple[str, list]:
    """The ``also`` documents in the visitor's language(s) and every selection but ``skip``'s,
    through the facet rows' (document, facet, value) index: one look-up per id and facet."""
    language = "shown" if request.include_other_languages else "language"
    wanted = [(language, [request.language])]
    wanted += [(facet, values) for facet, values in request.filters.items() if facet != skip]
    sql = f"SELECT A.id FROM {DOCS} A WHERE A.id IN ({', '.join(['%s'] * len(also))})"
    params = list(also)
    for facet, values in wanted:
        sql += (
            f" AND EXISTS (SELECT 1 FROM {FACET_ROWS} F WHERE F.document_id = A.id "
            f"AND F.facet = %s AND F.value IN ({', '.join(['%s'] * len(values))}))"
        )
        params += [facet, *values]
    return sql, params


class SQLiteDialect:
    capabilities = frozenset({"stemming", "highlight", "suggestion"})

    def search_in_index(self, cursor, request: SearchRequest, query: Query, also: list[int]):
        """Counts, total, rows and the ``also`` ids that pass language and selections.

        The hits are ``(text AND coverage OR id in also) AND language AND every selection``;
        facet f counts over the same without f's own selection. FTS5 intersects the text,
        language and selection doclists itself, so each set costs what its matches cost.
        The ``also`` ids (a few hundred at most) are checked against the facet rows instead
        (``also_passing``): through FTS5, "language AND a wide selection AND rowid IN (...)"
        read the selection's whole doclist, 30 ms a time at 10k documents.
        """
        languages = language_codes()
        if request.include_other_languages:
            language = "facets : " + facet_token(SHOWN, request.language)
        else:
            language = "facets : " + facet_token("language", request.language)
        selections = {
            facet: "facets : (" + " OR ".join(facet_token(facet, v) for v in values) + ")"
            for facet, values in request.filters.items()
        }
        text = text_expression(query, languages) if query else None
        covered, cover_params = ("", [])
        if query and not query.strict and not query.alternatives():
            sql, cover_params = coverage(query, languages)
            covered = f" AND {sql} >= {query.minimum_should_match}"

        def conditions(skip=None):
            return [language] + [e for f, e in selections.items() if f != skip]

        def matching(skip=None) -> tuple[str, list]:
            rest = conditions(skip)
            if not text:
                return f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", [" AND ".join(rest)]
            sql = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s{covered}"
            params = [" AND ".join([text, *rest]), *cover_params]
            if also:
                also_sql, also_params = also_passing(request, also, skip)
                sql += f" UNION {also_sql}"
                params += also_params
            return sql, params

        selected = list(selections)
        not_counted = [*selected, SHOWN]
        full_sql, full_params = matching()
        branches = [
            f"SELECT F.facet, F.value, COUNT(*) FROM {FACET_ROWS} F WHERE F.document_id IN "
            f"({full_sql}) AND F.facet NOT IN ({', '.join(['%s'] * len(not_counted))}) "
            "GROUP BY F.facet, F.value"
        ]
        params = [*full_params, *not_counted]
        for facet in selected:
            sql, skip_params = matching(skip=facet)
            branches.append(
                f"SELECT F.facet, F.value, COUNT(*) FROM {FACET_ROWS} F "
                f"WHERE F.document_id IN ({sql}) AND F.facet = %s GROUP BY F.facet, F.value"
            )
            params += [*skip_params, facet]
        branches.append(f"SELECT '', '', COUNT(*) FROM ({full_sql})")
        params += full_params
        cursor.execute(" UNION ALL ".join(branches), params)
        counts: dict[str, dict[str, int]] = {}
        total = 0
        for facet, value, count in cursor.fetchall():
            if facet == "":
                total = count
            else:
                counts.setdefault(facet, {})[value] = count
        rows: list = []
        also_matched: list[int] = []
        if text and request.sort == "relevance":
            window = request.rank_window or request.page_size
            offset = 0 if request.rank_window else request.offset
            if request.rank_window or total > offset:
                rows = self._ranked(
                    cursor, text, conditions(), covered, cover_params, query, window, offset
                )
            if also:
                cursor.execute(*also_passing(request, also))
                also_matched = [row[0] for row in cursor.fetchall()]
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
                cursor.execute(
                    f"SELECT D.id, D.doc_id, NULL FROM {DOCS} D WHERE D.id IN ({full_sql}) "
                    f"ORDER BY {ORDER} LIMIT %s OFFSET %s",
                    [*full_params, *limit],
                )
            rows = cursor.fetchall()
        return counts, total, rows, also_matched

    def _ranked(self, cursor, text, conditions, covered, cover_params, query, limit, offset):
        """Keyword matches best first: coverage of the query's words, then bm25 (title words
        weigh most), squashed below 1 so it only orders documents of equal coverage.

        SQL orders by the two columns and computes bm25 once per row (written twice in one
        expression, it is computed twice: a common word at 10k documents ranks 1,400 rows);
        the score is put together here, for the page's rows only."""
        languages = language_codes()
        if covered:
            cover_sql, params = coverage(query, languages)
        else:
            cover_sql, params = str(len(query.optional)), []
        cursor.execute(
            f"SELECT D.id, D.doc_id, {cover_sql} AS covered, bm25({FTS}, {WEIGHTS}) AS b "
            f"FROM {FTS} JOIN {DOCS} D ON D.id = {FTS}.rowid WHERE {FTS} MATCH %s{covered} "
            f"ORDER BY covered DESC, b, {ORDER} LIMIT %s OFFSET %s",
            [*params, " AND ".join([text, *conditions]), *cover_params, limit, offset],
        )
        return [(pk, doc_id, covered + -b / (1.0 - b)) for pk, doc_id, covered, b in cursor]

    def prepare(self, cursor) -> None:
        """Nothing: analysis happens in Python (``search.analysis``), for any language."""

    def write_text(self, cursor, ids: list[int]) -> None:
        """FTS rows for documents whose rows (and facet rows) are written."""
        if not ids:
            return
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT id, locale, title, summary, body FROM {DOCS} WHERE id IN ({marks})", ids
        )
        documents = cursor.fetchall()
        tokens = self._facet_tokens(cursor, ids)
        cursor.executemany(
            f"INSERT INTO {FTS} (rowid, title, summary, body, facets, plain_title) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    pk,
                    analyse(title, locale),
                    analyse(summary, locale),
                    analyse(body, locale),
                    tokens.get(pk, ""),
                    fold(title),
                )
                for pk, locale, title, summary, body in documents
            ],
        )

    def refresh_facets(self, cursor, ids: list[int]) -> None:
        tokens = self._facet_tokens(cursor, ids)
        cursor.executemany(
            f"UPDATE {FTS} SET facets = %s WHERE rowid = %s",
            [(tokens.get(pk, ""), pk) for pk in ids],
        )

    def _facet_tokens(self, cursor, ids: list[int]) -> dict[int, str]:
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT document_id, facet, value FROM {FACET_ROWS} WHERE document_id IN ({marks})",
            ids,
        )
        tokens: dict[int, list[str]] = {}
        for pk, facet, value in cursor.fetchall():
            tokens.setdefault(pk, []).append(facet_token(facet, value))
        return {pk: " ".join(sorted(values)) for pk, values in tokens.items()}

    def delete_text(self, cursor, ids: list[int]) -> None:
        cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)

    def clear(self, cursor) -> None:
        cursor.execute(f"DELETE FROM {FTS}")

    def optimise(self, cursor) -> None:
        cursor.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('optimize')")
        cursor.execute("ANALYZE")

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
