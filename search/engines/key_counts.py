"""Disjunctive facet counts over the facet keys of candidate documents, in numpy.

SQLite has no hash aggregate: counting facet rows with ``GROUP BY`` sorts every row of every
matching document, and a wide filter at 100,000 documents (about 6,600 matches, 15 keys
each, and again for each selected facet) spent 140 to 220 ms there. The SQLite dialect keeps
instead one row per document with its keys as numbers (``hubsearch_dockeys``, numbered in
``hubsearch_keyids``) and reads it once for the *candidates*: the documents that match the
words and the language and pass every selection but at most one (plus the documents near in
meaning). Which selections each candidate passes, and every count, follow here in a few
array operations (about 7 ms for 11,000 candidates). PostgreSQL keeps the same numbers in
the document row (``facet_numbers``): unnesting and grouping its keys in the database cost
120 of 190 ms there.

Facet f counts over the documents that pass the language and every selection except f's own,
as on every engine (``search.facets``); the total is the number that pass them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from search.engines.dialect import KEY_IDS, SHOWN

# A document's keys as stored: 32-bit key numbers, big-endian as PostgreSQL's int4send
# writes them.
KEY_TYPE = np.dtype(">i4")


def pack(numbers) -> bytes:
    return np.asarray(sorted(numbers), dtype=KEY_TYPE).tobytes()


@dataclass
class Counted:
    counts: dict[str, dict[str, int]]
    passing: np.ndarray  # ids of the candidates that pass the language and every selection

    @property
    def total(self) -> int:
        return len(self.passing)


@dataclass
class Candidates:
    """The candidate documents' ids and keys: ``keys`` holds ``lengths[i]`` keys of ``ids[i]``
    after those of the documents before it."""

    ids: np.ndarray
    lengths: np.ndarray
    keys: np.ndarray

    @classmethod
    def from_rows(cls, rows: list[tuple[int, bytes]]) -> Candidates:
        """From (id, packed keys) rows."""
        blobs = list(map(itemgetter(1), rows))
        return cls(
            np.fromiter(map(itemgetter(0), rows), dtype=np.int64, count=len(rows)),
            np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs)) // KEY_TYPE.itemsize,
            np.frombuffer(b"".join(blobs), dtype=KEY_TYPE),
        )

    @classmethod
    def from_records(cls, records: bytes) -> Candidates:
        """From PostgreSQL's records: per candidate its id (8 bytes), its number of keys (4),
        then the keys (4 each), all big-endian, as ``postgres.numbered`` stores them; one
        aggregate appends them, so nothing depends on the order rows come in."""
        words = np.frombuffer(records, dtype=KEY_TYPE)
        listed = words.tolist()
        starts, position = [], 0
        while position < len(listed):
            starts.append(position)
            position += 3 + listed[position + 2]
        first = np.array(starts, dtype=np.int64)
        high, low = words[first].astype(np.int64), words[first + 1].astype(np.int64)
        in_keys = np.ones(len(words), dtype=bool)
        for field in range(3):
            in_keys[first + field] = False
        ids = (high << 32) | (low & 0xFFFFFFFF)
        return cls(ids, words[first + 2].astype(np.int64), words[in_keys])


def with_near(
    found: Candidates, hits: np.ndarray | None, near: Candidates
) -> tuple[Candidates, np.ndarray]:
    """The candidates the words ``found`` (``hits``: those that match them; default all)
    and the documents ``near`` in meaning, each once; a near document is a hit whatever its
    words."""
    hits = np.ones(len(found.ids), dtype=bool) if hits is None else hits
    hits = hits | np.isin(found.ids, near.ids)
    new = ~np.isin(near.ids, found.ids)
    owner = np.repeat(np.arange(len(near.ids)), near.lengths)
    joined = Candidates(
        np.concatenate([found.ids, near.ids[new]]),
        np.concatenate([found.lengths, near.lengths[new]]),
        np.concatenate([found.keys, near.keys[new[owner]]]),
    )
    return joined, np.concatenate([hits, np.ones(int(new.sum()), dtype=bool)])


def count_keys(
    candidates: Candidates,
    names: dict[int, tuple[str, str]],
    language: tuple[str, str],
    filters: dict[str, list[str]],
    uncounted: frozenset[str],
    hits: np.ndarray | None = None,
) -> Counted:
    """``names``: key number to (facet, value); ``language``: the key every counted document
    holds; ``hits``: which candidates match the words or are near in meaning (default: all)."""
    ids, keys = candidates.ids, candidates.keys
    if not len(ids):
        return Counted({}, np.zeros(0, dtype=np.int64))
    owner = np.repeat(np.arange(len(ids)), candidates.lengths)
    size = max(max(names, default=0), int(keys.max(initial=0))) + 1
    number = {pair: key for key, pair in names.items()}
    facets = sorted({facet for facet, _ in names.values()})
    facet_of = np.full(size, -1, dtype=np.int32)
    for key, (facet, _) in names.items():
        facet_of[key] = facets.index(facet)

    def holding(pairs) -> np.ndarray:
        """Per candidate: whether it holds any of these keys."""
        wanted = np.zeros(size, dtype=bool)
        wanted[[number[pair] for pair in pairs if pair in number]] = True
        held = np.zeros(len(ids), dtype=bool)
        held[owner[wanted[keys]]] = True
        return held

    in_language = holding([language])
    if hits is not None:
        in_language &= hits
    passes = {facet: holding([(facet, v) for v in values]) for facet, values in filters.items()}
    passing = in_language.copy()
    for held in passes.values():
        passing &= held
    key_facet = facet_of[keys]
    # Keys counted over the documents that pass everything: those of unselected facets.
    plain = np.ones(len(facets) + 1, dtype=bool)  # the last entry: keys without a name
    plain[-1] = False
    for facet in [*filters, *uncounted]:
        if facet in facets:
            plain[facets.index(facet)] = False
    tally = np.bincount(keys[passing[owner] & plain[key_facet]], minlength=size)
    for facet in filters:
        if facet not in facets:
            continue
        others = in_language.copy()
        for other, held in passes.items():
            if other != facet:
                others &= held
        own = others[owner] & (key_facet == facets.index(facet))
        tally += np.bincount(keys[own], minlength=size)
    counts: dict[str, dict[str, int]] = {}
    for key in np.flatnonzero(tally):
        if int(key) in names:
            facet, value = names[int(key)]
            counts.setdefault(facet, {})[value] = int(tally[key])
    return Counted(counts, ids[passing])


def count(cursor, request, candidates: Candidates, also: list[int], hits=None):
    """Counts, total and the ``also`` ids that pass, for a request on either database: the
    keys' names are read (a few hundred rows), the language key chosen as the request asks.
    """
    cursor.execute(f"SELECT id, facet, value FROM {KEY_IDS}")
    names = {key: (facet, value) for key, facet, value in cursor.fetchall()}
    shown = SHOWN if request.include_other_languages else "language"
    counted = count_keys(
        candidates, names, (shown, request.language), request.filters, frozenset({SHOWN}), hits
    )
    passing = set(counted.passing.tolist())
    return counted.counts, counted.total, [pk for pk in also if pk in passing]
