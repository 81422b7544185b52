"""PostgreSQL specifics of the database engine: tsvector per language, ts_rank, coverage.

Each document's vector is built with its language's configuration (``hub_english``,
``hub_french``...: a copy of PostgreSQL's own that folds accents with ``unaccent`` first,
made for every language of ``settings.LANGUAGES`` by ``prepare``), with the title weighted
A, the summary B and the body C. A query is the OR of its forms in every language's
configuration (one constant tsquery, so the GIN index serves it and a visitor's word meets
documents in any language); the optional words are OR-ed, and when a share of them is
enough each word is tested on the matching rows to count the *coverage*.

Selections and facet counts use ``facet_keys`` (migration 0003): the document's facet values
as ``"facet:key"`` strings in a GIN-indexed array on the same row, so text, language and
selections are one bitmap-indexed match and counting needs no join (``search_in_index``).
"""

from __future__ import annotations

from search.analysis import Phrase, Query, Term
from search.engines.base import SearchRequest
from search.engines.dialect import DOCS, FACET_ROWS, SHOWN
from search.languages import analysed

FALLBACK = "hub_simple"  # made by migration 0002
# Word token types a configuration maps to dictionaries (those PostgreSQL's own map to the
# language's stemmer); the hub's copies fold accents before stemming them.
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, hword, hword_part, word"
GIN_INDEXES = ("hubsearch_doc_vector", "hubsearch_doc_facet_keys")


def part_tsquery(part: Term | Phrase) -> str:
    """to_tsquery input for one part; words are \\w+ only (see parse_query), quoted."""
    if isinstance(part, Phrase):
        return "(" + " <-> ".join(f"'{w}'" for w in part.words) + ")"
    return f"'{part.word}'" + (":*" if part.prefix else "")


def configs() -> dict[str, str]:
    """``{language code: text search configuration}`` for the hub's languages."""
    return {code: facts.postgres_config for code, facts in analysed().items()}


def any_language(text: str) -> tuple[str, list]:
    """A tsquery constant matching ``text`` stemmed the way any configured language stems
    it: constant, so the GIN index serves it; a word meets documents of every language."""
    names = dict.fromkeys(configs().values())
    return "(" + " || ".join(f"to_tsquery('{cfg}', %s)" for cfg in names) + ")", [text] * len(names)


def text_query(query: Query) -> tuple[str, list]:
    """The whole query: required parts AND-ed with the OR of the optional words."""
    pieces, params = [], []
    for part in query.required:
        sql, ps = any_language(part_tsquery(part))
        pieces.append(sql)
        params += ps
    # Unlike SQLite, the OR of the words and a count per row beat written-out alternatives
    # here: GIN evaluates the whole alternative tree for every candidate (a 7-word question
    # at 10k documents: 160 ms against 119 ms).
    if query.optional:
        joiner = " & " if query.strict else " | "
        sql, ps = any_language(joiner.join(part_tsquery(p) for p in query.optional))
        pieces.append(sql)
        params += ps
    return "(" + " && ".join(pieces) + ")", params


def coverage(query: Query) -> tuple[str, list]:
    """How many optional words a row holds, each word in any language's stemming (as the
    match itself): counting in the row's language alone was faster (87 against 119 ms for
    a 7-word question at 10k) but lost recall@10 on the judged set (0.92 to 0.89)."""
    terms, params = [], []
    for part in query.optional:
        sql, ps = any_language(part_tsquery(part))
        terms.append(f"(D.search_vector @@ {sql})::int")
        params += ps
    return "(" + " + ".join(terms) + ")", params


def config_case(column: str = "D.locale") -> str:
    whens = " ".join(f"WHEN '{code}' THEN '{cfg}'::regconfig" for code, cfg in configs().items())
    return f"(CASE {column} {whens} ELSE '{FALLBACK}'::regconfig END)"


def facet_key(facet: str, value: str) -> str:
    """One ``facet_keys`` element; facet names hold no colon, so the first one splits."""
    return f"{facet}:{value}"


def scope(request: SearchRequest) -> tuple[str, list]:
    """The documents a request looks at: those in its language, or (including other
    languages) those shown in it, one per translation group: a GIN-indexed key as well."""
    if request.include_other_languages:
        return "D.facet_keys && %s::text[]", [[facet_key(SHOWN, request.language)]]
    return "D.locale = %s", [request.language]


class PostgresDialect:
    capabilities = frozenset({"stemming", "highlight", "suggestion"})

    def search_in_index(self, cursor, request: SearchRequest, query: Query, also: list[int]):
        """Counts, total, rows and the ``also`` ids passing language and selections.

        One scan reads the documents failing at most one selection (for two selections:
        ``text AND (s1 OR s2)``, GIN bitmaps ANDed and ORed), with a flag per selection.
        Unnesting their ``facet_keys`` counts each key when every selection but its own
        facet's holds: disjunctive faceting in one pass over one small set, no join.
        """
        language, language_params = scope(request)
        base, params = [language], list(language_params)
        keyword, keyword_params = "TRUE", []
        if query:
            match_sql, match_params = text_query(query)
            keyword, keyword_params = f"D.search_vector @@ {match_sql}", match_params
            if not query.strict:
                cover_sql, cover_params = coverage(query)
                keyword += f" AND {cover_sql} >= {query.minimum_should_match}"
                keyword_params += cover_params
            if also:
                base.append(f"(({keyword}) OR D.id = ANY(%s))")
                params += [*keyword_params, also]
            else:
                base.append(keyword)
                params += keyword_params
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
        count_params: list = [[*selected, SHOWN]]
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
        selections = ["D.facet_keys && %s::text[]"] * len(keys)
        rows: list = []
        also_matched: list[int] = []
        if query and request.sort == "relevance":
            window = request.rank_window or request.page_size
            offset = 0 if request.rank_window else request.offset
            if request.rank_window or total > offset:
                rows = self._ranked(cursor, request, query, keys, window, offset)
            if also:
                cursor.execute(
                    f"SELECT D.id FROM {DOCS} D WHERE D.id = ANY(%s) AND "
                    + " AND ".join([language, *selections]),
                    [also, *language_params, *keys],
                )
                also_matched = [row[0] for row in cursor.fetchall()]
        elif total > request.offset:
            clauses = " AND ".join(base + selections)
            cursor.execute(
                f"SELECT D.id, D.doc_id, NULL FROM {DOCS} D WHERE {clauses} "
                "ORDER BY D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
                [*params, *keys, request.page_size, request.offset],
            )
            rows = cursor.fetchall()
        return counts, total, rows, also_matched

    def _ranked(self, cursor, request, query: Query, keys, limit, offset):
        """Keyword matches best first: coverage of the query's words, then ts_rank (title A,
        summary B, body C), which lies below 1 and so orders documents of equal coverage."""
        language, language_params = scope(request)
        match_sql, match_params = text_query(query)
        cover_sql, cover_params = coverage(query) if query.optional else ("0", [])
        where = [language, f"D.search_vector @@ {match_sql}"]
        where_params = [*language_params, *match_params]
        if not query.strict:
            where.append(f"{cover_sql} >= {query.minimum_should_match}")
            where_params += cover_params
        where += ["D.facet_keys && %s::text[]"] * len(keys)
        cursor.execute(
            f"SELECT D.id, D.doc_id, {cover_sql} + ts_rank(D.search_vector, {match_sql}) AS score "
            f"FROM {DOCS} D WHERE {' AND '.join(where)} "
            "ORDER BY score DESC, D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
            [*cover_params, *match_params, *where_params, *keys, limit, offset],
        )
        return cursor.fetchall()

    def prepare(self, cursor) -> None:
        """A configuration per language that folds accents before stemming (``hub_<name>``,
        a copy of PostgreSQL's own), made for each configured language that lacks one. It
        stems with a Snowball dictionary of its own that keeps stop words (as migration 0007
        does for the first three): which words of a query count is decided in
        ``search.analysis``, and the index must hold them all."""
        wanted = {facts.postgres_config: facts.postgres for facts in analysed().values()}
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname = ANY(%s)", [list(wanted)])
        present = {row[0] for row in cursor.fetchall()}
        for config, builtin in wanted.items():
            if config in present:
                continue
            stem = f"hub_{builtin}_stem"
            cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [stem])
            if cursor.fetchone() is None:
                cursor.execute(
                    f"CREATE TEXT SEARCH DICTIONARY {stem} "
                    f"(TEMPLATE = snowball, LANGUAGE = {builtin})"
                )
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = {builtin})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR {WORD_TOKENS} "
                f"WITH unaccent, {stem}"
            )

    def write_text(self, cursor, ids: list[int]) -> None:
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

    def refresh_facets(self, cursor, ids: list[int]) -> None:
        cursor.execute(
            f"UPDATE {DOCS} D SET facet_keys = ARRAY(SELECT F.facet || ':' || F.value "
            f"FROM {FACET_ROWS} F WHERE F.document_id = D.id ORDER BY 1) WHERE D.id = ANY(%s)",
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
        query = " & ".join(part_tsquery(term) for term in terms)
        cursor.execute(
            f"SELECT D.doc_id, D.title, D.data->>'url', D.kind, D.locale FROM {DOCS} D "
            f"WHERE to_tsvector('{FALLBACK}'::regconfig, D.title) @@ to_tsquery('{FALLBACK}', %s) "
            "AND D.locale = %s ORDER BY length(D.title), D.title LIMIT %s",
            [query, language, limit],
        )
        return cursor.fetchall()
