"""Semantic search benchmark: `python bench/semantic_bench.py` (or `-m bench.semantic_bench`).

Prints one table:
- embedding throughput (documents per second, one thread) for lesson-sized and story-sized
  texts made of real sentences from the demo content in English, French and Spanish (the
  encoder's cost follows its sentencepiece tokens, so generated words would mislead);
- ``nearest()`` latency, p50 and p95, query embedding included, over 10,000 and 100,000
  vectors: real embeddings mixed with noise ("random-ish": as spread as real documents);
- memory: the matrix at 100,000 and the process's resident size grown by loading those
  vectors from the database (the bench's own SQLite file, bench/out/) and by the model;
- how long a process takes to reload that matrix after the vectors changed.
Seeded: every run uses the same texts and vectors.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def demo_sentences() -> list[str]:
    """Every sentence of the demo content's prose, in its three languages."""
    text = " ".join(
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "content" / "demo").rglob("*"))
        if path.suffix in (".md", ".yaml")
    )
    text = re.sub(r"^\s*[\w-]+:\s*(>-|\|)?\s*$", " ", text, flags=re.M)  # bare YAML keys
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    return [s for s in sentences if 40 <= len(s) <= 300 and not re.search(r"[{}\[\]:#]", s)]


def texts(sentences, count, size, rng) -> list[str]:
    """``count`` texts of about ``size`` characters, each from random sentences."""
    out = []
    for _ in range(count):
        parts, length = [], 0
        while length < size:
            parts.append(rng.choice(sentences))
            length += len(parts[-1]) + 1
        out.append(" ".join(parts))
    return out


def throughput(embed, documents) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    embed(documents)
    wall = time.perf_counter() - started
    return len(documents) / wall, (time.process_time() - cpu) / len(documents)


def randomish(base, n, rng_np):
    """``n`` unit vectors: pairs of real embeddings mixed, plus noise."""
    import numpy as np

    a = base[rng_np.integers(0, len(base), n)]
    b = base[rng_np.integers(0, len(base), n)]
    mix = rng_np.random((n, 1), dtype=np.float32)
    vectors = mix * a + (1 - mix) * b + rng_np.normal(0, 0.02, a.shape).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32)


def index_of(vectors):
    import numpy as np

    from search.semantic.index import VectorIndex

    n = len(vectors)
    kinds = np.array(["lesson", "story", "resource", "lesson", "lesson"] * (n // 5 + 1))[:n]
    return VectorIndex.of(
        ("bench", n),
        vectors,
        [f"lesson:{i}" for i in range(n)],
        kinds,
        ["en", "fr", "es"] * (n // 3) + ["en"] * (n % 3),
        [f"t{i}" for i in range(n)],
        [f"bench.item:{i}" for i in range(n)],
        range(n),
        None,
    )


def latency(embed, index, queries, k=100, kinds=None):
    from search.semantic.encoder import MIN_SCORE

    mask = index.kind_mask(kinds)
    timings, cpu = [], []
    for query in queries[:5]:
        index.top(index.scores(embed([query])[0]), k, MIN_SCORE, mask)
    for query in queries:
        started, clock = time.perf_counter(), time.process_time()
        index.top(index.scores(embed([query])[0]), k, MIN_SCORE, mask)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - clock)
    return percentile(timings, 50), percentile(timings, 95), statistics.mean(cpu)


def reload_from_database(vectors) -> tuple[float, float, float]:
    """Write the vectors as DocumentVector rows, then time a process's load of them, and its
    refresh after a publish. Returns (seconds to load, seconds to refresh, resident MB grown
    by the loaded index)."""
    from django.core.management import call_command
    from django.utils import timezone

    from search.models import DocumentVector
    from search.semantic import index as semantic_index
    from search.semantic.encoder import MODEL, MODEL_VERSION

    call_command("migrate", "hubsearch", verbosity=0)
    DocumentVector.objects.all().delete()
    # Written by the last rebuild, an hour ago, at 160 documents a second.
    earlier = timezone.now() - datetime.timedelta(hours=1)
    for start in range(0, len(vectors), 2000):
        DocumentVector.objects.bulk_create(
            DocumentVector(
                doc_id=f"lesson:{i}",
                source=f"bench.item:{i}",
                kind="lesson",
                locale="en",
                translation_key=f"{i:08d}-0000-0000-0000-000000000000",
                model=MODEL,
                model_version=MODEL_VERSION,
                text_hash="",
                vector=vectors[i].astype("<f4").tobytes(),
                updated=earlier + datetime.timedelta(seconds=i / 160),
            )
            for i in range(start, min(start + 2000, len(vectors)))
        )
    before = rss_mb()
    started = time.perf_counter()
    index = semantic_index.load(semantic_index._fingerprint())
    seconds = time.perf_counter() - started
    grown = rss_mb() - before
    # A publish: a story and its ten lessons rewritten, one story's eleven documents gone.
    DocumentVector.objects.filter(pk__in=list(index.pks[100:111])).update(updated=timezone.now())
    DocumentVector.objects.filter(pk__in=list(index.pks[200:211])).delete()
    started = time.perf_counter()
    refreshed = semantic_index.load(semantic_index._fingerprint(), index)
    refresh = time.perf_counter() - started
    assert len(refreshed) == len(index) - 11
    DocumentVector.objects.all().delete()
    return seconds, refresh, grown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500, help="texts per throughput run")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-reload", action="store_true", help="skip the database reload")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    import django

    django.setup()
    import numpy as np

    from search.semantic.encoder import MAX_CHARACTERS, MODEL, MODEL_VERSION, embed, truncate

    rng, rng_np = random.Random(13), np.random.default_rng(13)
    sentences = demo_sentences()
    before = rss_mb()
    started = time.perf_counter()
    embed(["load"])
    load_s, model_mb = time.perf_counter() - started, rss_mb() - before

    rows = [("model", f"{MODEL} {MODEL_VERSION}", f"loaded in {load_s:.1f} s, +{model_mb:.0f} MB")]
    mix = []
    for label, size in (("lessons", 340), ("stories", MAX_CHARACTERS)):
        documents = [truncate(t) for t in texts(sentences, args.documents, size, rng)]
        mix += documents[: args.documents // 2]
        rate, cpu = throughput(embed, documents)
        note = f"{cpu * 1000:.2f} ms CPU each; {rate:.0f}/s wall on this machine now"
        rows.append((f"embed: {label} (~{size} chars)", f"{1 / cpu:.0f} per CPU-second", note))
    _rate, cpu = throughput(embed, mix)
    note = f"100k documents: {100_000 * cpu / 60:.1f} min of one core"
    rows.append(("embed: half and half", f"{1 / cpu:.0f} per CPU-second", note))

    queries = [truncate(t, 80) for t in texts(sentences, args.queries, 40, rng)]
    base = embed(texts(sentences, 2000, 340, rng))
    for size in args.sizes:
        index = index_of(randomish(base, size, rng_np))
        for kinds in (None, ["lesson"]):
            p50, p95, cpu = latency(embed, index, queries, kinds=kinds)
            name = f"nearest({'kinds=[lesson]' if kinds else ''}) at {size:,}"
            note = f"{cpu * 1000:.1f} ms CPU, query embedding included"
            rows.append((name, f"p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms", note))
        started = time.process_time()
        for query in base[:50]:
            index.top(index.scores(query), 100, -1)
        scan = (time.process_time() - started) / 50 * 1000
        rows.append(
            (f"  the scan alone at {size:,}", f"{scan:.1f} ms CPU", "matrix @ vector, top 100")
        )
        if size == max(args.sizes):
            matrix_mb = index.matrix.nbytes / 2**20
            rows.append((f"matrix at {size:,}", f"{matrix_mb:.0f} MB", "float32 x 512"))
            if not args.no_reload:
                seconds, refresh, grown = reload_from_database(index.matrix)
                note = f"resident +{grown:.0f} MB with ids, kinds, locales, keys, sources"
                rows.append((f"load from SQLite at {size:,}", f"{seconds:.1f} s", note))
                note = "22 rows rewritten or deleted (a story publish)"
                rows.append((f"refresh after a publish at {size:,}", f"{refresh:.2f} s", note))
        del index

    width = max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)
    print(f"{'measure':<{width[0]}}  {'value':<{width[1]}}  note")
    for name, value, note in rows:
        print(f"{name:<{width[0]}}  {value:<{width[1]}}  {note}")


if __name__ == "__main__":
    main()
