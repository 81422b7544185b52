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

from datetime import date

import numpy as np

from search.analysis import Phrase, Query, Term
from search.engines.base import SearchRequest
from search.engines.dialect import DOCS, FACET_ROWS, KEY_IDS, SHOWN, Near
from search.engines.key_counts import Candidates, count, with_near
from search.languages import analysed

FALLBACK = "hub_simple"  # made by migration 0002
# Word token types a configuration maps to dictionaries (those PostgreSQL's own map to the
# language's stemmer); the hub's copies fold accents before stemming them.
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, hword, hword_part, word"
GIN_INDEXES = ("hubsearch_doc_vector", "hubsearch_doc_facet_keys")
# Ties by date, then id in code point order (as on SQLite), which the client can repeat.
RANKED = 'm.cover + m.rank DESC, m.date DESC NULLS LAST, m.doc_id COLLATE "C"'
MIN_DATE = date.min


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
    it: a word meets documents of every language. Ranks (``ts_rank``); matching uses the
    same forms deduplicated (``stemmed``)."""
    names = dict.fromkeys(configs().values())
    return "(" + " || ".join(f"to_tsquery('{cfg}', %s)" for cfg in names) + ")", [text] * len(names)


def units(query: Query) -> list[str]:
    """The to_tsquery inputs a query is made of: each required part, the optional words
    joined (OR, or AND when every one is needed), and each optional word (coverage)."""
    texts = [part_tsquery(part) for part in query.required]
    if query.optional:
        joiner = " & " if query.strict else " | "
        texts.append(joiner.join(part_tsquery(part) for part in query.optional))
        texts += [part_tsquery(part) for part in query.optional]
    return list(dict.fromkeys(texts))


def stemmed(cursor, query: Query) -> dict[str, str]:
    """Each of the query's ``units`` as the tsquery of the forms every configured language
    stems it to, each form once: ``'health'``, not ``'health' | 'health' | 'health'``
    (``any_language``). The database's dictionaries stem, so one statement asks them; the
    match then holds the forms as a constant, from which the planner estimates how many
    rows match: three copies of a common word looked three times as common, and a scan of
    the whole table was chosen over the index (200 against 140 ms at 100k documents).
    "" for a unit with no lexeme (which the ``||`` of its forms dropped alike)."""
    texts = units(query)
    if not texts:
        return {}
    cursor.execute(
        "SELECT t, array_agg(DISTINCT to_tsquery(c::regconfig, t)::text) "
        "FROM unnest(%s::text[]) t, unnest(%s::text[]) c GROUP BY t",
        [texts, list(dict.fromkeys(configs().values()))],
    )
    return {
        text: " | ".join(f"({form})" for form in sorted(forms) if form)
        for text, forms in cursor.fetchall()
    }


def text_query(query: Query, forms: dict[str, str]) -> str:
    """The whole query as tsquery text: the required parts AND-ed with the optional words
    (``units``); "" when no part has a lexeme."""
    # Unlike SQLite, the OR of the words and a count per row beat written-out alternatives
    # here: GIN evaluates the whole alternative tree for every candidate (a 7-word question
    # at 10k documents: 160 ms against 119 ms).
    wanted = [part_tsquery(part) for part in query.required]
    if query.optional:
        joiner = " & " if query.strict else " | "
        wanted.append(joiner.join(part_tsquery(part) for part in query.optional))
    return " & ".join(f"({forms[text]})" for text in wanted if forms[text])


def rank_query(query: Query) -> tuple[str, list]:
    """The tsquery ``ts_rank`` weighs a row's match by: the parts in every language's
    forms, as they were first written (its value depends on the query's shape)."""
    pieces, params = [], []
    for part in query.required:
        sql, ps = any_language(part_tsquery(part))
        pieces.append(sql)
        params += ps
    if query.optional:
        joiner = " & " if query.strict else " | "
        sql, ps = any_language(joiner.join(part_tsquery(p) for p in query.optional))
        pieces.append(sql)
        params += ps
    return "(" + " && ".join(pieces) + ")", params


def coverage(query: Query, forms: dict[str, str]) -> tuple[str, list]:
    """How many optional words a row holds, each word in any language's stemming (as the
    match itself): counting in the row's language alone was faster (87 against 119 ms for
    a 7-word question at 10k) but lost recall@10 on the judged set (0.92 to 0.89)."""
    terms, params = [], []
    for part in query.optional:
        form = forms[part_tsquery(part)]
        terms.append("(D.search_vector @@ %s::tsquery)::int" if form else "0")
        params += [form] if form else []
    return "(" + " + ".join(terms) + ")", params


def matching(text: str) -> tuple[str, list]:
    """The condition that a row matches the tsquery ``text``; none does when it is empty."""
    return ("D.search_vector @@ %s::tsquery", [text]) if text else ("FALSE", [])


def config_case(column: str = "D.locale") -> str:
    whens = " ".join(f"WHEN '{code}' THEN '{cfg}'::regconfig" for code, cfg in configs().items())
    return f"(CASE {column} {whens} ELSE '{FALLBACK}'::regconfig END)"


def facet_key(facet: str, value: str) -> str:
    """One ``facet_keys`` element; facet names hold no colon, so the first one splits."""
    return f"{facet}:{value}"


def scope(request: SearchRequest, indexed: bool = True) -> tuple[str, list]:
    """The documents a request looks at: those in its language, or (including other
    languages) those shown in it, one per translation group: a GIN-indexed key as well.
    Not ``indexed``: checked on the rows the words found. Most documents are shown in a
    language, and building the bitmap of 77,000 of 100,000 took 22 to 33 ms a search."""
    if request.include_other_languages:
        if not indexed:
            return "%s = ANY(D.facet_keys)", [facet_key(SHOWN, request.language)]
        return "D.facet_keys && %s::text[]", [[facet_key(SHOWN, request.language)]]
    return "D.locale = %s", [request.language]


def selections(request: SearchRequest):
    """The request's selections as ``facet_keys`` arrays; a flag column per selection (SQL
    to append to a select list, its parameters being the arrays); and, for two or more, the
    condition that a row fails at most one of them (a row failing two counts for no facet)."""
    keys = [[facet_key(f, v) for v in request.filters[f]] for f in request.filters]
    flags = "".join(f", D.facet_keys && %s::text[] AS s{i}" for i in range(len(keys)))
    narrowing, params = [], []
    if len(keys) > 1:
        alternatives = []
        for i in range(len(keys)):
            others = [key for j, key in enumerate(keys) if j != i]
            alternatives.append(" AND ".join(["D.facet_keys && %s::text[]"] * len(others)))
            params += others
        narrowing.append("(" + " OR ".join(alternatives) + ")")
    return keys, flags, narrowing, params


def every_selection(count: int) -> str:
    return " AND ".join(f"m.s{i}" for i in range(count)) or "TRUE"


def numbered(column: str = "D.id") -> str:
    """A document's record as ``Candidates.from_records`` reads it: its id, the number of
    its keys and the keys, big-endian. Stored whole, so a search only appends records."""
    return (
        f"(SELECT int8send({column}) || int4send(count(*)::int) || "
        "COALESCE(string_agg(int4send(K.id), ''::bytea ORDER BY K.id), ''::bytea) "
        f"FROM {FACET_ROWS} F JOIN {KEY_IDS} K ON K.facet = F.facet AND K.value = F.value "
        f"WHERE F.document_id = {column})"
    )


def number_keys(cursor, ids: list[int]) -> None:
    """Number the keys of these documents' facet rows that have no number yet; in one
    order, so two publishes adding the same new keys wait for each other, never deadlock."""
    cursor.execute(
        f"INSERT INTO {KEY_IDS} (facet, value) SELECT DISTINCT facet, value FROM {FACET_ROWS} "
        "WHERE document_id = ANY(%s) ORDER BY 1, 2 ON CONFLICT DO NOTHING",
        [ids],
    )


def near_candidates(cursor, near: Near) -> Candidates:
    """The stored records of the documents ``near`` names, which it learns the row ids of."""
    cursor.execute(
        f"SELECT D.id, D.doc_id, D.facet_numbers FROM {DOCS} D WHERE D.doc_id = ANY(%s)",
        [near.doc_ids()],
    )
    rows = cursor.fetchall()
    near.names = {pk: doc_id for pk, doc_id, _ in rows}
    return Candidates.from_records(b"".join(bytes(record) for _, _, record in rows))


class PostgresDialect:
    capabilities = frozenset({"stemming", "highlight", "suggestion"})

    def search_in_index(self, cursor, request: SearchRequest, query: Query, near: Near):
        """Counts, total, rows and the ids of the ``near`` documents passing language and
        selections.

        One scan reads the documents failing at most one selection (for two selections:
        ``text AND (s1 OR s2)``, GIN bitmaps ANDed and ORed) with their numbered keys, which
        ``key_counts`` counts disjunctively in numpy: unnesting and grouping the keys in
        the database cost 120 of 190 ms for a wide filter at 100k documents. A ranked search
        takes its page (or ``rank_window``) from the same scan: one statement. The near
        documents' records are read after it, by their ids (``near_candidates``).
        """
        if query and request.sort == "relevance":
            return self._ranked_search(cursor, request, query, near)
        language, language_params = scope(request)
        base, params = [language], list(language_params)
        if query:  # words, sorted by date
            forms = stemmed(cursor, query)
            text = text_query(query, forms)
            match_sql, match_params = matching(text)
            base.append(match_sql)
            params += match_params
            if not query.strict:
                cover_sql, cover_params = coverage(query, forms)
                base.append(f"{cover_sql} >= {query.minimum_should_match}")
                params += cover_params
        keys, _, narrowing, narrowing_params = selections(request)
        where = " AND ".join([*base, *narrowing])
        cursor.execute(
            f"SELECT string_agg(D.facet_numbers, ''::bytea) FROM {DOCS} D WHERE {where}",
            [*params, *narrowing_params],
        )
        candidates = Candidates.from_records(cursor.fetchone()[0] or b"")
        hits = None
        if near.doc_ids():
            candidates, hits = with_near(candidates, None, near_candidates(cursor, near))
        counts, total, also_matched = count(cursor, request, candidates, sorted(near.names), hits)
        rows: list = []
        if total > request.offset:
            clauses = " AND ".join([*base, *["D.facet_keys && %s::text[]"] * len(keys)])
            cursor.execute(
                f"SELECT D.id, D.doc_id, NULL FROM {DOCS} D WHERE ({clauses}) "
                "OR D.id = ANY(%s) ORDER BY D.date DESC NULLS LAST, D.doc_id LIMIT %s OFFSET %s",
                [*params, *keys, also_matched, request.page_size, request.offset],
            )
            rows = cursor.fetchall()
        return counts, total, rows, also_matched

    def _ranked_search(self, cursor, request: SearchRequest, query: Query, near: Near):
        """The candidates' numbered keys and the ranked keyword matches (best first:
        coverage of the query's words, then ts_rank (title A, summary B, body C), which lies
        below 1 and so orders documents of equal coverage), from one scan: the rows are
        read once and each row's match, coverage and rank computed once.

        The candidates come back as one string of their stored records
        (``Candidates.from_records``), not a row each (11,000 rows took 35 ms to cross to
        the client), with those whose words fall short of the coverage. The near documents
        are asked for after this statement: the vectors were scanned while it ran."""
        language, language_params = scope(request, indexed=False)
        keys, flags, narrowing, narrowing_params = selections(request)
        forms = stemmed(cursor, query)
        text = text_query(query, forms)
        if query.optional and not query.strict:
            cover_sql, cover_params = coverage(query, forms)
        else:  # every word is needed: a row matching the words holds them all
            cover_sql, cover_params = str(len(query.optional)), []
        match_sql, match_params = matching(text)
        rank_sql, rank_params = rank_query(query)
        where = " AND ".join([language, match_sql, *narrowing])
        minimum = 0 if query.strict else query.minimum_should_match
        # Each expression once per row: coverage of a 12-word question is 36 matches.
        columns = (
            f"D.id, D.doc_id, D.date, D.facet_numbers{flags}, {cover_sql} AS cover, "
            f"ts_rank(D.search_vector, {rank_sql}) AS rank"
        )
        column_params = [*keys, *cover_params, *rank_params]
        keyword = f"(m.cover >= {minimum})"
        window = request.rank_window or request.page_size
        offset = 0 if request.rank_window else request.offset
        cursor.execute(
            f"WITH m AS MATERIALIZED (SELECT {columns} FROM {DOCS} D WHERE {where}) "
            "SELECT string_agg(m.facet_numbers, ''::bytea), "
            f"array_agg(m.id) FILTER (WHERE NOT {keyword}), "
            "NULL::bigint, NULL::text, NULL::float8, NULL::date FROM m "
            "UNION ALL (SELECT NULL, NULL, m.id, m.doc_id, m.cover + m.rank, m.date FROM m "
            f"WHERE {keyword} AND {every_selection(len(keys))} "
            f"ORDER BY {RANKED} LIMIT %s OFFSET %s)",
            [*column_params, *language_params, *match_params, *narrowing_params, window, offset],
        )
        records, others, ranked = b"", [], []
        for packed, not_keyword, pk, doc_id, score, day in cursor.fetchall():
            if pk is None:  # the candidates' row (NULLs when nothing matched)
                records, others = packed or b"", not_keyword or []
            else:
                ranked.append((pk, doc_id, score, day))
        candidates = Candidates.from_records(records)
        hits = ~np.isin(candidates.ids, others)
        if near.doc_ids():
            candidates, hits = with_near(candidates, hits, near_candidates(cursor, near))
        counts, total, also_matched = count(cursor, request, candidates, sorted(near.names), hits)
        # The database's order (a bounded sort: top-N) again: UNION ALL promises no order.
        ranked.sort(key=lambda r: (-r[2], r[3] is None, -(r[3] or MIN_DATE).toordinal(), r[1]))
        return counts, total, [row[:3] for row in ranked], also_matched

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
        number_keys(cursor, ids)
        cfg = config_case()
        cursor.execute(
            f"UPDATE {DOCS} D SET search_vector = "
            f"setweight(to_tsvector({cfg}, D.title), 'A') || "
            f"setweight(to_tsvector({cfg}, D.summary), 'B') || "
            f"setweight(to_tsvector({cfg}, D.body), 'C'), "
            # The facet rows are written just before; one UPDATE keeps one row version.
            f"facet_keys = ARRAY(SELECT F.facet || ':' || F.value FROM {FACET_ROWS} F "
            f"WHERE F.document_id = D.id ORDER BY 1), facet_numbers = {numbered()} "
            "WHERE D.id = ANY(%s)",
            [ids],
        )

    def refresh_facets(self, cursor, ids: list[int]) -> None:
        number_keys(cursor, ids)
        cursor.execute(
            f"UPDATE {DOCS} D SET facet_keys = ARRAY(SELECT F.facet || ':' || F.value "
            f"FROM {FACET_ROWS} F WHERE F.document_id = D.id ORDER BY 1), "
            f"facet_numbers = {numbered()} WHERE D.id = ANY(%s)",
            [ids],
        )

    def write_keys(self, cursor, ids: list[int]) -> None:
        """The numbered keys (``key_counts``) of these documents alone."""
        number_keys(cursor, ids)
        cursor.execute(
            f"UPDATE {DOCS} D SET facet_numbers = {numbered()} WHERE D.id = ANY(%s)", [ids]
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

    def settle(self, cursor) -> None:
        """After a rebuild has committed: VACUUM marks the new rows visible to all and
        hinted, which the first searches would otherwise do row by row (a wide filter at
        10k documents, p95 69 ms before, 59 after)."""
        cursor.execute(f"VACUUM (ANALYZE) {DOCS}, {FACET_ROWS}")

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
