"""The nearest documents to a text, by cosine, over every vector in process memory.

Each process holds all vectors of the current model as one float32 matrix (one row per
document, unit length) beside arrays of their document ids, kinds, locales, translation keys
and sources. A query is one matrix-vector product and a partial sort: brute force, exact,
and fast enough for this hub's size (bench/semantic_bench.py, one thread: 2 ms of CPU at
10,000 documents, 21 ms at 100,000, where the matrix takes 195 MB per process).

The matrix is refreshed when the vectors change. Every write bumps the site-wide content
version (``hub.content_version``), which every process reads from the shared cache; when it moved,
one cheap query (how many rows, and the newest) tells whether the vectors did, and if so
only the rows written since are read, with the list of row ids to drop the deleted ones.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max

import numpy as np

from hub.content_version import current_version
from search.models import DocumentVector
from search.semantic.encoder import (
    DIMENSIONS,
    MIN_SCORE,
    MODEL,
    MODEL_VERSION,
    embed,
    enabled,
    pin_blas_threads,
)

LOAD_CHUNK = 2000
# A refresh re-reads the rows written this long before the newest it has seen: a transaction
# still open at the last load may have written older timestamps (vectors are written in short
# transactions; a refresh that still misses a row finds the count wrong and loads everything).
REFRESH_MARGIN = datetime.timedelta(seconds=30)
COLUMNS = ("id", "updated", "doc_id", "kind", "locale", "translation_key", "source", "vector")


@dataclass(frozen=True)
class VectorIndex:
    fingerprint: tuple
    matrix: np.ndarray  # (n, DIMENSIONS) float32, rows of unit length
    doc_ids: np.ndarray
    kinds: np.ndarray
    locales: np.ndarray
    translation_keys: np.ndarray
    sources: np.ndarray
    pks: np.ndarray  # the rows' primary keys, to refresh in place
    newest: datetime.datetime | None = None
    rows: dict[str, int] = field(default_factory=dict)  # doc id -> row
    # translation key -> rows: a query's translations are looked up, not searched for
    # (comparing 100,000 keys took 30-50 ms per query, more than the scan itself).
    groups: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, fingerprint, matrix, doc_ids, kinds, locales, keys, sources, pks, newest):
        doc_ids = np.asarray(doc_ids, dtype=object)
        groups: dict[str, list[int]] = {}
        for row, key in enumerate(keys):
            if key:
                groups.setdefault(str(key), []).append(row)
        return cls(
            fingerprint=fingerprint,
            matrix=matrix,
            doc_ids=doc_ids,
            kinds=np.asarray(kinds, dtype=str),
            locales=np.asarray(locales, dtype=str),
            translation_keys=np.asarray(keys, dtype=str),
            sources=np.asarray(sources, dtype=object),
            pks=np.asarray(pks, dtype=np.int64),
            newest=newest,
            rows={doc_id: row for row, doc_id in enumerate(doc_ids)},
            groups=groups,
        )

    def __len__(self) -> int:
        return len(self.doc_ids)

    def scores(self, vector: np.ndarray) -> np.ndarray:
        return self.matrix @ vector

    def top(
        self,
        scores: np.ndarray,
        k: int,
        min_score: float,
        allowed: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """The ``k`` best rows as (row, score), best first, at or above ``min_score``;
        ``allowed`` is a boolean mask of the rows that may be returned."""
        if allowed is not None:
            scores = np.where(allowed, scores, -np.inf)
        k = min(k, len(scores))
        if k <= 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(k)
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(row), float(scores[row])) for row in best if scores[row] >= min_score]

    def kind_mask(self, kinds: Iterable[str] | None) -> np.ndarray | None:
        return None if kinds is None else np.isin(self.kinds, list(kinds))


def _current_model_rows():
    return DocumentVector.objects.filter(model=MODEL, model_version=MODEL_VERSION)


def _fingerprint() -> tuple:
    stats = _current_model_rows().aggregate(count=Count("id"), newest=Max("updated"))
    return (MODEL, MODEL_VERSION, stats["count"], stats["newest"])


def _read(queryset, fingerprint: tuple, count: int | None = None) -> VectorIndex:
    """The rows of ``queryset`` as an index. With their ``count`` known, the matrix is
    filled in place row by row, never held twice."""
    matrix = None if count is None else np.empty((count, DIMENSIONS), dtype=np.float32)
    columns = {name: [] for name in COLUMNS}
    rows = queryset.order_by("id").values_list(*COLUMNS)
    for n, row in enumerate(rows.iterator(chunk_size=LOAD_CHUNK)):
        if matrix is not None and n == count:  # written since the count: the next check reloads
            break
        for name, value in zip(COLUMNS, row, strict=True):
            columns[name].append(value)
        if matrix is not None:
            matrix[n] = np.frombuffer(columns["vector"].pop(), dtype="<f4")
    if matrix is None:
        vectors = [np.frombuffer(vector, dtype="<f4") for vector in columns["vector"]]
        matrix = np.array(vectors, dtype=np.float32).reshape(-1, DIMENSIONS)
    return VectorIndex.of(
        fingerprint,
        matrix[: len(columns["id"])],
        columns["doc_id"],
        columns["kind"],
        columns["locale"],
        columns["translation_key"],
        columns["source"],
        columns["id"],
        max(columns["updated"], default=None),
    )


def _refresh(previous: VectorIndex, fingerprint: tuple) -> VectorIndex:
    """``previous`` less the rows deleted or rewritten since, plus those rewritten or new:
    after a publish, a few rows are read instead of all of them."""
    current = _current_model_rows()
    alive = np.fromiter(current.values_list("id", flat=True).iterator(), dtype=np.int64)
    changed = _read(current.filter(updated__gte=previous.newest - REFRESH_MARGIN), fingerprint)
    keep = np.isin(previous.pks, alive) & ~np.isin(previous.pks, changed.pks)
    newest = max(previous.newest, changed.newest or previous.newest)
    return VectorIndex.of(
        fingerprint,
        np.concatenate([previous.matrix[keep], changed.matrix]),
        *(
            np.concatenate([getattr(previous, name)[keep], getattr(changed, name)])
            for name in ("doc_ids", "kinds", "locales", "translation_keys", "sources", "pks")
        ),
        newest,
    )


def load(fingerprint: tuple, previous: VectorIndex | None = None) -> VectorIndex:
    """Every vector of the current model, in one matrix. Vectors of another model (before a
    rebuild after a model change) are left out: they are not comparable."""
    if previous is not None and previous.newest is not None and fingerprint[2]:
        index = _refresh(previous, fingerprint)
        if len(index) == fingerprint[2]:
            return index
    return _read(_current_model_rows(), fingerprint, count=fingerprint[2])


_lock = threading.Lock()
_current: tuple[int | None, VectorIndex | None] = (None, None)


def current_index() -> VectorIndex:
    """This process's index, refreshed if the vectors changed since it was read. While one
    thread refreshes it, the others go on with the index they have rather than wait."""
    global _current
    version = current_version()
    seen, index = _current
    if index is not None and seen == version:
        return index
    if not _lock.acquire(blocking=index is None):
        return index
    try:
        seen, index = _current
        if index is None or seen != version:
            fingerprint = _fingerprint()
            if index is None or index.fingerprint != fingerprint:
                pin_blas_threads()
                index = load(fingerprint, index)
            _current = (version, index)
        return index
    finally:
        _lock.release()


def forget() -> None:
    """Drop this process's index (tests whose database rolled back)."""
    global _current
    with _lock:
        _current = (None, None)


def nearest(
    text: str,
    k: int = 100,
    min_score: float | None = None,
    kinds: Iterable[str] | None = None,
    index: VectorIndex | None = None,
) -> list[tuple[str, float]]:
    """The documents nearest in meaning to ``text``, in every language: up to ``k`` pairs
    (document id, cosine), best first, none below ``min_score`` (the model's calibrated
    ``MIN_SCORE`` by default), of the given ``kinds`` only when given. Only indexed (live,
    public) documents have vectors. ``[]`` when ``SEARCH_SEMANTIC`` is off or ``text`` is
    blank. Given the ``index`` (``current_index()``), it reads neither the database nor
    the cache, and so may run in a thread of its own."""
    if not enabled() or not text.strip():
        return []
    index = current_index() if index is None else index
    if not len(index):
        return []
    vector = embed([text])[0]
    threshold = MIN_SCORE if min_score is None else min_score
    hits = index.top(index.scores(vector), k, threshold, index.kind_mask(kinds))
    return [(index.doc_ids[row], score) for row, score in hits]


def with_translations(doc_ids: list[str], index: VectorIndex | None = None) -> list[str]:
    """``doc_ids`` in order, each followed by the other documents of its translation group:
    the engine then keeps whichever member the visitor's language shows (one per group)."""
    index = current_index() if index is None else index
    rows = [index.rows[doc_id] for doc_id in doc_ids if doc_id in index.rows]
    keys = {str(index.translation_keys[row]) for row in rows} - {""}
    members = {key: [index.doc_ids[row] for row in index.groups.get(key, ())] for key in keys}
    ordered: dict[str, None] = {}
    for doc_id in doc_ids:
        ordered[doc_id] = None
        row = index.rows.get(doc_id)
        key = str(index.translation_keys[row]) if row is not None else ""
        for member in members.get(key, ()) if key else ():
            ordered.setdefault(member, None)
    return list(ordered)
