"""The nearest documents to a text, by cosine, over every vector in process memory.

Each process holds all vectors of the current model as one float32 matrix (one row per
document, unit length) beside arrays of their document ids, kinds, locales, translation keys
and sources. A query is one matrix-vector product and a partial sort: brute force, exact,
and fast enough for this hub's size (see bench/semantic_bench.py: about 10 ms at 100,000
documents on one thread, and 200 MB of memory per process).

The matrix is reloaded when the vectors change. Every write bumps the site-wide content
version (``hub.caching``), which every process reads from the shared cache; when it moved,
one cheap query (how many rows, and the newest) tells whether the vectors did.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max

import numpy as np

from hub.caching import current_version
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


@dataclass(frozen=True)
class VectorIndex:
    fingerprint: tuple
    matrix: np.ndarray  # (n, DIMENSIONS) float32, rows of unit length
    doc_ids: list[str]
    kinds: np.ndarray
    locales: np.ndarray
    translation_keys: np.ndarray
    sources: np.ndarray
    rows: dict[str, int] = field(default_factory=dict)  # doc id -> row

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


def _fingerprint() -> tuple:
    stats = _current_model_rows().aggregate(count=Count("id"), newest=Max("updated"))
    return (MODEL, MODEL_VERSION, stats["count"], stats["newest"])


def _current_model_rows():
    return DocumentVector.objects.filter(model=MODEL, model_version=MODEL_VERSION)


def load(fingerprint: tuple) -> VectorIndex:
    """Every vector of the current model, in one matrix. Vectors of another model (before a
    rebuild after a model change) are left out: they are not comparable."""
    count = fingerprint[2]
    matrix = np.empty((count, DIMENSIONS), dtype=np.float32)
    doc_ids, kinds, locales, keys, sources = [], [], [], [], []
    rows = (
        _current_model_rows()
        .order_by("id")
        .values_list("doc_id", "kind", "locale", "translation_key", "source", "vector")
    )
    n = 0
    for doc_id, kind, locale, key, source, vector in rows.iterator(chunk_size=LOAD_CHUNK):
        if n == count:  # written since the count: the next check reloads
            break
        matrix[n] = np.frombuffer(vector, dtype="<f4")
        doc_ids.append(doc_id)
        kinds.append(kind)
        locales.append(locale)
        keys.append(key)
        sources.append(source)
        n += 1
    return VectorIndex(
        fingerprint=fingerprint,
        matrix=matrix[:n],
        doc_ids=doc_ids,
        kinds=np.array(kinds, dtype=str),
        locales=np.array(locales, dtype=str),
        translation_keys=np.array(keys, dtype=str),
        sources=np.array(sources, dtype=object),
        rows={doc_id: row for row, doc_id in enumerate(doc_ids)},
    )


_lock = threading.Lock()
_current: tuple[int | None, VectorIndex | None] = (None, None)


def current_index() -> VectorIndex:
    """This process's index, reloaded if the vectors changed since it was loaded."""
    global _current
    version = current_version()
    seen, index = _current
    if index is not None and seen == version:
        return index
    with _lock:
        seen, index = _current
        if index is None or seen != version:
            fingerprint = _fingerprint()
            if index is None or index.fingerprint != fingerprint:
                pin_blas_threads()
                index = load(fingerprint)
            _current = (version, index)
        return index


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
) -> list[tuple[str, float]]:
    """The documents nearest in meaning to ``text``, in every language: up to ``k`` pairs
    (document id, cosine), best first, none below ``min_score`` (the model's calibrated
    ``MIN_SCORE`` by default), of the given ``kinds`` only when given. Only indexed (live,
    public) documents have vectors. ``[]`` when ``SEARCH_SEMANTIC`` is off or ``text`` is
    blank."""
    if not enabled() or not text.strip():
        return []
    index = current_index()
    if not len(index):
        return []
    vector = embed([text])[0]
    threshold = MIN_SCORE if min_score is None else min_score
    hits = index.top(index.scores(vector), k, threshold, index.kind_mask(kinds))
    return [(index.doc_ids[row], score) for row, score in hits]
