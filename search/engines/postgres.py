"""PostgreSQL specifics of the database engine: tsvector per language, ts_rank, ts_headline.

Each document's vector is built with its language's configuration (``hub_english``,
``hub_french``, ``hub_spanish``: the stock ones plus ``unaccent``, see migration 0002), with
the title weighted A, the summary B and the body C. A query is compiled once per language so
that the GIN index serves it (``locale = 'fr' AND search_vector @@ to_tsquery('hub_french',
...)``) and each document is ranked against the query stemmed the way it was indexed.

Selections and facet counts use ``facet_keys`` (migration 0003): the document's facet values
as ``"facet:key"`` strings in a GIN-indexed array on the same row, so text, language and
selections are one bitmap-indexed match and counting needs no join (``search_in_index``).
"""

from __future__ import annotations

from search.engines.base import MARK_END, MARK_START, Phrase, SearchRequest, Term

CONFIGS = {"en": "hub_english", "fr": "hub_french", "es": "hub_spanish"}
FALLBACK = "hub_simple"
DOCS = "hubsearch_indexeddocument"
FACET_ROWS = "hubsearch_documentfacet"
GIN_INDEXES = ("hubsearch_doc_vector", "hubsearch_doc_facet_keys")
HEADLINE = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)


def tsquery_text(terms: list[Term | Phrase]) -> str:
    """to_tsquery input; words are \\w+ only (see parse_query), quoted for safety."""
    parts = []
    for term in terms:
        if isinstance(term, Phrase):
            parts.append("(" + " <-> ".join(f"'{w}'" for w in term.words) + ")")
        else:
            parts.append(f"'{term.word}'" + (":*" if term.prefix else ""))
    return " & ".join(parts)


def config_case(column: str = "D.locale") -> str:
    whens = " ".join(f"WHEN '{code}' THEN '{cfg}'::regconfig" for code, cfg in CONFIGS.items())
    return f"(CASE {column} {whens} ELSE '{FALLBACK}'::regconfig END)"


def query_case(query: str) -> tuple[str, list]:
    """The query stemmed per document language: constant-folded, one tsquery per language."""
    whens = " ".join(f"WHEN '{code}' THEN to_tsquery('{cfg}', %s)" for code, cfg in CONFIGS.items())
    return (
        f"(CASE D.locale {whens} ELSE to_tsquery('{FALLBACK}', %s) END)",
        [query] * (len(CONFIGS) + 1),
    )


def facet_key(facet: str, value: str) -> str:
    """One ``facet_keys`` element; facet names hold no colon, so the first one splits."""
    return f"{facet}:{value}"


class PostgresDialect:
    capabilities = frozenset({"stemming", "highlight"})

    def search_in_index(self, cursor, request: SearchRequest, terms):
        """Counts, total and one page from the rows matching language, text and selections.

        One scan reads the documents failing at most one selection (for two selections:
        ``text AND (s1 OR s2)``, GIN bitmaps ANDed and ORed), with a flag per selection.
        Unnesting their ``facet_keys`` counts each key when every selection but its own
        facet's holds: disjunctive faceting in one pass over one small set, no join.
        """
        base = ["D.locale = %s"]
        params: list = [request.language]
        if terms:
            config = CONFIGS.get(request.language, FALLBACK)
            base.append(f"D.search_vector @@ to_tsquery('{config}', %s)")
            params.append(tsquery_text(terms))
        selected = list(request.filters)
        keys = [[facet_key(f, v) for v in request.filters[f]] for f in selected]
        flags = ", ".join(f"D.facet_keys && %s::text[] AS s{i}" for i in range(len(keys)))
        where, where_params = " AND ".join(base), list(params)
        if len(keys) > 1:  # a document failing two selections counts for no facet
            alternatives = []
            for i in range(len(keys)):
                others = [key for j, key in enumerate(keys) if j != i]
                alternatives.append(" AND ".join(["D.facet_keys && %s::text[]"] * len(others)))
                where_params += others
            where += " AND (" + " OR ".join(alternatives) + ")"
        every = " AND ".join(f"m.s{i}" for i in range(len(keys))) or "TRUE"
        # A key of facet g counts when every selection other than g's holds.
        counted = [f"({every} AND split_part(k, ':', 1) <> ALL(%s::text[]))"]
        count_params: list = [selected]
        for i, facet in enumerate(selected):
            others = " AND ".join(f"m.s{j}" for j in range(len(keys)) if j != i) or "TRUE"
            counted.append(f"({others} AND split_part(k, ':', 1) = %s)")
            count_params.append(facet)
        cursor.execute(
            f"WITH m AS MATERIALIZED (SELECT D.facet_keys{', ' + flags if flags else ''} "
            f"FROM {DOCS} D WHERE {where}) "
            f"SELECT k, COUNT(*) FROM m, unnest(m.facet_keys) k WHERE {' OR '.join(counted)} "
            f"GROUP BY k UNION ALL SELECT NULL, COUNT(*) FROM m WHERE {every}",
            keys + where_params + count_params,
        )
        counts: dict[str, dict[str, int]] = {}
        total = 0
        for key, count in cursor.fetchall():
            if key is None:
                total = count
            else:
                facet, _, value = key.partition(":")
                counts.setdefault(facet, {})[value] = count
        page: list = []
        if total > request.offset:
            page = self._page_in_index(cursor, request, terms, base, params, keys)
        return counts, total, page

    def _page_in_index(self, cursor, request, terms, base, params, keys):
        clauses = base + ["D.facet_keys && %s::text[]"] * len(keys)
        where = " AND ".join(clauses)
        limit = [request.page_size, request.offset]
        order = "D.date DESC NULLS LAST, D.doc_id"
        if terms and request.sort == "relevance":
            config = CONFIGS.get(request.language, FALLBACK)
            cursor.execute(
                f"SELECT D.id, ts_rank(D.search_vector, to_tsquery('{config}', %s)) AS score "
                f"FROM {DOCS} D WHERE {where} ORDER BY score DESC, {order} LIMIT %s OFFSET %s",
                [tsquery_text(terms), *params, *keys, *limit],
            )
        else:
            cursor.execute(
                f"SELECT D.id, NULL FROM {DOCS} D WHERE {where} ORDER BY {order} "
                "LIMIT %s OFFSET %s",
                [*params, *keys, *limit],
            )
        return cursor.fetchall()

    def text_clause(self, terms, request: SearchRequest):
        query = tsquery_text(terms)
        languages = list(CONFIGS) if request.include_other_languages else [request.language]
        parts, params = [], []
        for code in languages:
            parts.append(
                f"(D.locale = %s AND D.search_vector @@ to_tsquery('{CONFIGS[code]}', %s))"
            )
            params += [code, query]
        if request.include_other_languages:
            known = ", ".join(f"'{code}'" for code in CONFIGS)
            parts.append(
                f"(D.locale NOT IN ({known}) AND D.search_vector @@ to_tsquery('{FALLBACK}', %s))"
            )
            params.append(query)
        return "(" + " OR ".join(parts) + ")", params

    def ranked_ids(self, cursor, terms, request, where, filters, page):
        query_sql, query_params = query_case(tsquery_text(terms))
        clauses = where + filters
        cursor.execute(
            f"SELECT D.id, ts_rank(D.search_vector, {query_sql}) AS score FROM {DOCS} D "
            f"WHERE {' AND '.join(s for s, _ in clauses)} "
            "ORDER BY score DESC, D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
            query_params + [p for _, ps in clauses for p in ps] + page,
        )
        return cursor.fetchall()

    def snippets(self, cursor, terms, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        query_sql, query_params = query_case(tsquery_text(terms))
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT D.id, ts_headline({config_case()}, "
            f"D.summary || ' ' || D.body, {query_sql}, %s) FROM {DOCS} D WHERE D.id IN ({marks})",
            query_params + [HEADLINE, *ids],
        )
        # ts_headline answers the text's start when nothing matched: keep it only if marked.
        return {pk: text for pk, text in cursor.fetchall() if MARK_START in text}

    def insert_text(self, cursor, rows, documents) -> None:
        ids = [row.pk for row in rows]
        if not ids:
            return
        cfg = config_case()
        cursor.execute(
            f"UPDATE {DOCS} D SET search_vector = "
            f"setweight(to_tsvector({cfg}, D.title), 'A') || "
            f"setweight(to_tsvector({cfg}, D.summary), 'B') || "
            f"setweight(to_tsvector({cfg}, D.body), 'C'), "
            # The facet rows are written just before; one UPDATE keeps one row version.
            f"facet_keys = ARRAY(SELECT F.facet || ':' || F.value FROM {FACET_ROWS} F "
            "WHERE F.document_id = D.id ORDER BY 1) WHERE D.id = ANY(%s)",
            [ids],
        )

    def delete_text(self, cursor, ids) -> None:
        """The vector lives on the document row; deleting the row deletes it."""

    def clear(self, cursor) -> None:
        """Nothing besides the tables the engine clears."""

    def optimise(self, cursor) -> None:
        # Rows written in bulk may wait in a GIN index's pending list, which every query
        # would scan linearly; merging it here (VACUUM cannot run in the rebuild's
        # transaction) keeps queries on the index proper.
        for index in GIN_INDEXES:
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute(f"ANALYZE {DOCS}")
        cursor.execute(f"ANALYZE {FACET_ROWS}")

    def autocomplete(self, cursor, terms: list[Term], language: str, limit: int):
        # Unstemmed title words (index hubsearch_doc_title_prefix): prefixes of any length.
        query = tsquery_text(terms)
        cursor.execute(
            f"SELECT D.doc_id, D.title, D.data->>'url', D.kind, D.locale FROM {DOCS} D "
            f"WHERE to_tsvector('{FALLBACK}'::regconfig, D.title) @@ to_tsquery('{FALLBACK}', %s) "
            "AND D.locale = %s ORDER BY length(D.title), D.title LIMIT %s",
            [query, language, limit],
        )
        return cursor.fetchall()

    def suggestion(self, cursor, terms, request) -> str | None:
        """No vocabulary is kept on PostgreSQL; Elasticsearch and SQLite suggest."""
        return None
