"""PostgreSQL specifics of the database engine: tsvector per language, ts_rank, ts_headline.

Each document's vector is built with its language's configuration (``hub_english``,
``hub_french``, ``hub_spanish``: the stock ones plus ``unaccent``, see migration 0002), with
the title weighted A, the summary B and the body C. A query is compiled once per language so
that the GIN index serves it (``locale = 'fr' AND search_vector @@ to_tsquery('hub_french',
...)``) and each document is ranked against the query stemmed the way it was indexed.
"""

from __future__ import annotations

from search.engines.base import MARK_END, MARK_START, Phrase, SearchRequest, Term

CONFIGS = {"en": "hub_english", "fr": "hub_french", "es": "hub_spanish"}
FALLBACK = "hub_simple"
DOCS = "hubsearch_indexeddocument"
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


class PostgresDialect:
    capabilities = frozenset({"stemming", "highlight"})

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
            f"setweight(to_tsvector({cfg}, D.body), 'C') WHERE D.id = ANY(%s)",
            [ids],
        )

    def delete_text(self, cursor, ids) -> None:
        """The vector lives on the document row; deleting the row deletes it."""

    def clear(self, cursor) -> None:
        """Nothing besides the tables the engine clears."""

    def optimise(self, cursor) -> None:
        cursor.execute(f"ANALYZE {DOCS}")
        cursor.execute("ANALYZE hubsearch_documentfacet")

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
