"""Writing the vectors: they follow the documents wherever those are (re)indexed.

``search.indexing`` calls ``replace_sources`` beside every engine update and
``delete_sources`` beside every removal; ``rebuild_search_index`` calls ``synchronise``
with every document. A document whose text, model and model version are unchanged keeps its
vector, so publishing a story with ten lessons embeds only what was edited.

Any change bumps the site-wide content version (``hub.content_version``): pages showing related
lessons are rendered again, and every process reloads its vector matrix
(``search.semantic.index``).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from django.utils import timezone

import numpy as np

from hub.content_version import bump_version
from search import semantic_process
from search.models import DocumentVector
from search.semantic.encoder import (
    MODEL,
    MODEL_VERSION,
    document_text,
    embed,
    enabled,
    text_hash,
)

BATCH = 256  # documents embedded and written at a time in a rebuild
DELETE_BATCH = 500  # ids per DELETE (SQLite's limit on bound parameters)


METADATA = ("source", "kind", "locale", "translation_key")


def _metadata(document) -> dict:
    return {name: getattr(document, name) for name in METADATA}


def _rows(documents: list, existing: dict) -> tuple[list[DocumentVector], int]:
    """Rows to write for ``documents``: the ones whose text (or model) changed are embedded
    again; the others only when their metadata changed. Returns (rows, embedded)."""
    rows, to_embed, texts = _plan(documents, existing)
    _fill(to_embed, embed(texts))
    return rows, len(to_embed)


def _plan(documents: list, existing: dict) -> tuple[list, list, list[str]]:
    """The rows to write, those of them to embed, and their texts."""
    now = timezone.now()
    rows, to_embed, texts = [], [], []
    for document in documents:
        text = document_text(document)
        row = DocumentVector(
            doc_id=document.id,
            model=MODEL,
            model_version=MODEL_VERSION,
            text_hash=text_hash(text),
            updated=now,
            **_metadata(document),
        )
        stored = existing.get(document.id)
        if stored is None or any(
            stored[name] != getattr(row, name) for name in ("model", "model_version", "text_hash")
        ):
            to_embed.append(row)
            texts.append(text)
        elif all(stored[name] == getattr(row, name) for name in METADATA):
            continue
        else:
            row.vector = stored["vector"]
        rows.append(row)
    return rows, to_embed, texts


def _fill(rows: list[DocumentVector], vectors) -> None:
    for row, vector in zip(rows, vectors, strict=True):
        row.vector = vector.astype("<f4").tobytes()


def _write(rows: list[DocumentVector]) -> None:
    DocumentVector.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["doc_id"],
        update_fields=[*METADATA, "model", "model_version", "text_hash", "vector", "updated"],
    )


def _existing(doc_ids: list[str]) -> dict:
    """Stored rows by document id."""
    fields = ("doc_id", "model", "model_version", "text_hash", "vector", *METADATA)
    found = {}
    for start in range(0, len(doc_ids), DELETE_BATCH):
        batch = doc_ids[start : start + DELETE_BATCH]
        for row in DocumentVector.objects.filter(doc_id__in=batch).values(*fields):
            found[row["doc_id"]] = row
    return found


def delete_sources(sources: Iterable[str]) -> int:
    """Remove every vector of these sources (unpublished, made private, deleted)."""
    deleted, _ = DocumentVector.objects.filter(source__in=list(sources)).delete()
    if deleted:
        bump_version()
    return deleted


def replace_sources(sources: Iterable[str], documents: list) -> int:
    """Make the vectors of ``sources`` exactly those of ``documents`` (their current public
    documents). Returns how many documents were embedded."""
    sources = list(sources)
    ids = [document.id for document in documents]
    if not enabled():
        # Nothing is embedded; no vector may outlive the text it was made from.
        delete_sources(sources)
        return 0
    stale = DocumentVector.objects.filter(source__in=sources).exclude(doc_id__in=ids)
    changed = stale.delete()[0]
    rows, embedded = _rows(documents, _existing(ids))
    if rows:
        _write(rows)
    if changed or rows:
        bump_version()
    return embedded


# A rebuild with at least this many documents left to embed does it in one process per core
# (at most MAX_EMBEDDERS): one core embeds about 100 documents a second (bench/RESULTS.md),
# so 100,000 took 17 minutes. Each process holds the model: about 260 MB at its peak.
PARALLEL_FROM = 4 * BATCH
MAX_EMBEDDERS = 4


def available_cores() -> int:
    """The cores this process may run on (its affinity where the system says it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Embedders:
    """Processes that embed, started only when a rebuild still has ``PARALLEL_FROM``
    documents to embed: for fewer, or on one core, embedding here costs less. Spawned, not
    forked: a fork would copy whatever threads and connections this process holds; a fresh
    interpreter sets Django up from the same settings module."""

    def __init__(self):
        self.pool: ProcessPoolExecutor | None = None
        self.processes = 1

    def embed(self, texts: list[str], left: int):
        """The vectors of ``texts`` (a future when a process makes them); ``left``: how
        many documents the rebuild has yet to look at, these included."""
        cores = min(available_cores(), MAX_EMBEDDERS)
        if self.pool is None and texts and left >= PARALLEL_FROM and cores >= 2:
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(
                cores, mp_context=context, initializer=semantic_process.start
            )
            self.processes = cores
        if self.pool is None:
            return embed(texts)
        return self.pool.submit(semantic_process.embed, texts)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


@dataclass
class SyncReport:
    documents: int = 0
    embedded: int = 0
    written: int = 0
    deleted: int = 0
    seconds: float = 0.0
    processes: int = 1  # that embedded

    @property
    def rate(self) -> float:
        return self.embedded / self.seconds if self.seconds > 0 else 0.0


def synchronise(documents: list, progress: Callable[[int], None] | None = None) -> SyncReport:
    """A full rebuild: one vector per document, made by the current model; vectors of
    documents no longer indexed, and of another model, are removed or replaced."""
    started = time.perf_counter()
    report = SyncReport(documents=len(documents))
    if not enabled():
        report.deleted = DocumentVector.objects.all().delete()[0]
    else:
        wanted = {document.id for document in documents}
        gone = [
            d for d in DocumentVector.objects.values_list("doc_id", flat=True) if d not in wanted
        ]
        for start in range(0, len(gone), DELETE_BATCH):
            batch = gone[start : start + DELETE_BATCH]
            report.deleted += DocumentVector.objects.filter(doc_id__in=batch).delete()[0]
        embedders = Embedders()
        pending: deque = deque()

        def finish(rows, to_embed, vectors, size):
            _fill(to_embed, vectors if isinstance(vectors, np.ndarray) else vectors.result())
            if rows:
                _write(rows)
            report.embedded += len(to_embed)
            report.written += len(rows)
            if progress is not None:
                progress(size)

        try:
            for start in range(0, len(documents), BATCH):
                batch = documents[start : start + BATCH]
                rows, to_embed, texts = _plan(batch, _existing([d.id for d in batch]))
                vectors = embedders.embed(texts, len(documents) - start)
                pending.append((rows, to_embed, vectors, len(batch)))
                # A few batches in flight per process; the oldest is written meanwhile.
                while len(pending) > (2 * embedders.processes if embedders.pool else 0):
                    finish(*pending.popleft())
            while pending:
                finish(*pending.popleft())
        finally:
            embedders.close()
        report.processes = embedders.processes
    report.seconds = time.perf_counter() - started
    if report.deleted or report.written:
        bump_version()
    return report
