"""The search bench's ``--meaning`` workloads: a search as a visitor's request runs it.

``search.service.search_once`` is timed whole: the query's embedding, the nearest
documents by cosine over the in-process matrix (with their translations), the engine's
keyword ranking and facet counts over the words or the nearest documents, the fusion by
reciprocal rank and the fetch of one page. The engine-only rows of the bench leave the first
and the last two out.

Vectors: up to ``embed_limit`` documents are embedded by the model as a rebuild does
(``search.semantic.store.synchronise``, timed: the embedding throughput of
``rebuild_search_index``). Past that, each further document gets a mix of two real
embeddings plus noise (as ``bench/semantic_bench.py`` does): the scan costs the same
whatever the vectors hold, and embedding 100,000 documents twice (once per database) would
take about twenty minutes of CPU on this machine.
"""

from __future__ import annotations

import time

import numpy as np

from bench.semantic_bench import randomish

WRITE_BATCH = 2000


def prepare_vectors(documents, embed_limit: int) -> dict:
    """Vectors for every document; returns the embedding figures for the table."""
    from django.utils import timezone

    from search.models import DocumentVector
    from search.semantic import index as semantic_index
    from search.semantic import store
    from search.semantic.encoder import MODEL, MODEL_VERSION, embed

    embed(["load the model"])  # its ~5 s load is not a rebuild's throughput
    DocumentVector.objects.all().delete()
    real = documents[:embed_limit]
    report = store.synchronise(real)
    rest = documents[embed_limit:]
    if rest:
        ids = [d.id for d in real]
        base = np.stack(
            [
                np.frombuffer(v, dtype="<f4")
                for v in DocumentVector.objects.filter(doc_id__in=ids[:2000]).values_list(
                    "vector", flat=True
                )
            ]
        )
        vectors = randomish(base, len(rest), np.random.default_rng(17))
        for start in range(0, len(rest), WRITE_BATCH):
            DocumentVector.objects.bulk_create(
                DocumentVector(
                    doc_id=doc.id,
                    source=doc.source,
                    kind=doc.kind,
                    locale=doc.locale,
                    translation_key=doc.translation_key,
                    model=MODEL,
                    model_version=MODEL_VERSION,
                    text_hash="",
                    vector=vectors[start + i].astype("<f4").tobytes(),
                    updated=timezone.now(),
                )
                for i, doc in enumerate(rest[start : start + WRITE_BATCH])
            )
    semantic_index.forget()
    started = time.perf_counter()
    index = semantic_index.current_index()
    return {
        "embedded": report.embedded,
        "embed_s": report.seconds,
        "load_s": time.perf_counter() - started,
        "matrix_mb": index.matrix.nbytes / 2**20,
    }


def time_search_once(engine, workload: list[dict]) -> dict:
    """Each query as the search page asks it (first page of 20, every language), through
    ``search_once``; wall time, and the CPU time of this process (embedding, scan, fusion)."""
    from search.engines import SearchRequest
    from search.service import nearest_ids, search_once

    requests = [SearchRequest(text=q["text"], filters=q["filters"]) for q in workload]
    for request in requests[:10]:  # warm caches as a running site has them
        search_once(engine, request)
    timings, cpu, hits, near, meaning = [], [], [], [], []
    for request in requests:
        wall, clock = time.perf_counter(), time.process_time()
        response = search_once(engine, request)
        timings.append(time.perf_counter() - wall)
        cpu.append(time.process_time() - clock)
        hits.append(response.total)
    # Where the time goes: the meaning side alone (embedding, scan, translations), and how
    # many nearest documents the engine then had to consider beside the words.
    for request in requests:
        wall = time.perf_counter()
        near.append(len(nearest_ids(request)))
        meaning.append(time.perf_counter() - wall)
    return {
        "timings": timings,
        "cpu": cpu,
        "meaning": meaning,
        "mean_hits": float(np.mean(hits)),
        "mean_near": float(np.mean(near)),
    }
