"""Search benchmark: `make bench-search` (or `python -m bench.search_bench`).

Generates N lessons (bench/generate.py), indexes them with each engine, runs 200 mixed
queries (text + 2 filters + every facet, disjunctive) and prints one table: index time,
documents/s, p50 and p95 per engine, and the same queries through Wagtail's own database
backend, time-limited. SQLite runs in this process's database (bench/out/bench.sqlite3);
PostgreSQL in BENCH_POSTGRES_URL when it answers; the Elasticsearch protocol on an
osmem-server at the first size only (its timings are an emulator's; client-side overhead is
reported apart from the engine's own ``took``). Each database runs in a worker process
because Django's settings name one database.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ms(value):
    return "over the limit" if value is None else f"{value * 1000:.1f}"


# --- worker: one database, every size ---------------------------------------------------------


def worker(args) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from bench import generate, wagtail_side
    from search.engines import SearchRequest
    from search.engines.database import DatabaseEngine

    call_command("migrate", run_syncdb=True, verbosity=0)
    engine = DatabaseEngine()
    vendor = engine.name.split("(")[1].rstrip(")")
    for size in args.sizes:
        documents = generate.lessons(size)
        queries = generate.queries(documents, args.queries)
        requests = [SearchRequest(text=q["text"], filters=q["filters"]) for q in queries]
        started = time.perf_counter()
        engine.rebuild(documents)
        index_s = time.perf_counter() - started
        for request in requests[:10]:  # warm the caches, as a running site has them
            engine.search(request)
        timings, totals = [], []
        for request in requests:
            t = time.perf_counter()
            totals.append(engine.search(request).total)
            timings.append(time.perf_counter() - t)
        emit(
            engine=f"hub database ({vendor})",
            size=size,
            index_s=index_s,
            timings=timings,
            mean_hits=statistics.mean(totals),
        )
        worst_shapes(engine, vendor, size, index_s)
        if args.meaning:
            with_meaning(engine, vendor, size, index_s, documents, queries, args)
        if args.with_elasticsearch and size == args.sizes[0]:
            elasticsearch(documents, requests, size)
        if args.wagtail_queries:
            wagtail_index_s = wagtail_side.load(documents)
            workloads = [
                ("", queries[: args.wagtail_queries]),
                (", one wide filter", generate.wide_queries(documents, args.wagtail_queries)),
            ]
            for label, workload in workloads:
                compare_with_wagtail(engine, vendor, size, wagtail_index_s, workload, args, label)


# Queries built to cost: many short prefixes, one-letter prefixes, many words, repetition,
# and long natural questions that exercise partial matching (a share of the words).
WORST_SHAPES = [
    "t* " * 166,
    "a*",
    "ab* ac* ad* ae* af* ag* ah* ai*",
    " ".join(f"word{n}" for n in range(80)),
    "budget " * 70,
    "what did donors get wrong about peer learning between partners in the network",
    "how can citizens monitor the budget of their district health and education services",
]


def worst_shapes(engine, vendor, size, index_s) -> None:
    from search.engines import SearchRequest
    from search.params import clean_text

    timings = []
    for text in WORST_SHAPES:
        request = SearchRequest(text=clean_text(text, "en")[0])
        engine.search(request)
        for _ in range(5):
            t = time.perf_counter()
            engine.search(request)
            timings.append(time.perf_counter() - t)
    emit(
        engine=f"hub database ({vendor}), worst query shapes",
        size=size,
        index_s=index_s,
        timings=timings,
        worst=max(timings),
    )


def with_meaning(engine, vendor, size, index_s, documents, queries, args) -> None:
    """The whole search path with search by meaning (``bench/meaning.py``), on the mixed
    workload and on the wide filter."""
    from bench import generate, meaning

    vectors = meaning.prepare_vectors(documents, args.embed_limit)
    workloads = [("", queries), (", one wide filter", generate.wide_queries(documents, 50))]
    for label, workload in workloads:
        emit(
            engine=f"hub database ({vendor}), search_once with meaning{label}",
            size=size,
            index_s=index_s,
            **vectors,
            **meaning.time_search_once(engine, workload),
        )


def compare_with_wagtail(engine, vendor, size, index_s, workload, args, label) -> None:
    """The same text and filters through Wagtail's backend and ours, one after the other."""
    from bench import wagtail_side
    from search.engines import SearchRequest

    wagtail, ours, wagtail_hits, our_hits = [], [], [], []
    for query in workload:
        seconds, hits = wagtail_side.run_query(query, args.limit)
        wagtail.append(seconds)
        if hits is not None:
            wagtail_hits.append(hits)
        request = SearchRequest(text=query["text"], filters=query["filters"])
        t = time.perf_counter()
        our_hits.append(engine.search(request).total)
        ours.append(time.perf_counter() - t)
    emit(
        engine=f"Wagtail database backend ({vendor}){label}",
        size=size,
        index_s=index_s,
        timings=wagtail,
        limit_s=args.limit,
        ours_same_queries=ours,
        # Mixed workload: hit counts differ (Wagtail filters on a lesson's first country,
        # theme or partner); the wide-filter workload selects the same documents on both.
        mean_hits=statistics.mean(wagtail_hits) if wagtail_hits else None,
        ours_mean_hits=statistics.mean(our_hits),
    )


def elasticsearch(documents, requests, size) -> None:
    from osmem_server import OsmemServer

    from search.engines import es_query
    from search.engines.elasticsearch import ElasticsearchEngine
    from search.engines.es_transport import PlainJsonNode

    server = OsmemServer.start(japanese=False)
    try:
        engine = ElasticsearchEngine(
            url=server.url, prefix="bench_", node_class=PlainJsonNode, request_timeout=600
        )
        started = time.perf_counter()
        engine.rebuild(documents)
        index_s = time.perf_counter() - started
        for request in requests[:10]:
            engine.search(request)
        timings, took, build, shape = [], [], [], []
        for request in requests:
            t0 = time.perf_counter()
            body = es_query.build_query(request)
            t1 = time.perf_counter()
            index = engine.alias(request.language)
            raw = engine.client.search(index=index, **body).body
            t2 = time.perf_counter()
            es_query.shape_response(request, raw, engine=engine.name)
            t3 = time.perf_counter()
            timings.append(t3 - t0)
            took.append(raw["took"] / 1000)
            build.append(t1 - t0)
            shape.append(t3 - t2)
        emit(
            engine="hub elasticsearch (osmem-server)",
            size=size,
            index_s=index_s,
            timings=timings,
            took=took,
            overhead=[b + s for b, s in zip(build, shape, strict=True)],
            transport=[
                t - k - b - s for t, k, b, s in zip(timings, took, build, shape, strict=True)
            ],
        )
    finally:
        server.close()


def emit(**row) -> None:
    print(json.dumps(row), flush=True)


# --- driver: start workers, print the table --------------------------------------------------


def postgres_url() -> str | None:
    url = os.environ.get(
        "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/hub_search_bench"
    )
    try:
        import psycopg

        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            name = url.rsplit("/", 1)[1]
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        return url
    except Exception:  # PostgreSQL is optional for the bench
        return None


def run_worker(args, database_url: str | None) -> list[dict]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings")
    if database_url:
        env["BENCH_DATABASE_URL"] = database_url
    command = [
        sys.executable,
        "-m",
        "bench.search_bench",
        "--worker",
        "--queries",
        str(args.queries),
    ]
    command += ["--sizes", *map(str, args.sizes), "--limit", str(args.limit)]
    command += ["--wagtail-queries", str(args.wagtail_queries)]
    if args.meaning:
        command += ["--meaning", "--embed-limit", str(args.embed_limit)]
    if args.elasticsearch and not database_url:
        command.append("--with-elasticsearch")
    rows = []
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if line.startswith("{"):
            rows.append(json.loads(line))
            print(table([rows[-1]], header=False), flush=True)
    if process.wait():
        raise SystemExit(f"bench worker failed ({database_url or 'sqlite'})")
    return rows


def table(rows, header=True) -> str:
    lines = []
    if header:
        lines += [
            "| engine | documents | index s | documents/s | p50 ms | p95 ms | notes |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
    for row in rows:
        timings = [t for t in row["timings"] if t is not None]
        over = len(row["timings"]) - len(timings)
        notes = []
        p50 = p95 = None
        if over:
            notes.append(f"{over}/{len(row['timings'])} over the {row['limit_s']:.0f} s limit")
            # Over-limit queries count as the limit: the percentiles are lower bounds.
            timings += [row["limit_s"]] * over
        p50, p95 = percentile(timings, 50), percentile(timings, 95)
        if "ours_same_queries" in row:
            ours = row["ours_same_queries"]
            notes.append(
                f"{len(row['timings'])} queries; hub on the same: p50 {ms(percentile(ours, 50))}"
                f" / p95 {ms(percentile(ours, 95))}; hub faster: x{p50 / percentile(ours, 50):.0f}"
                f" (p50), x{p95 / percentile(ours, 95):.0f} (p95)" + (" at least" if over else "")
            )
        if "took" in row:
            notes.append(
                f"engine took p50 {ms(percentile(row['took'], 50))} / p95 "
                f"{ms(percentile(row['took'], 95))}; client query building + result shaping "
                f"p50 {ms(percentile(row['overhead'], 50))} / p95 "
                f"{ms(percentile(row['overhead'], 95))}; HTTP + JSON p50 "
                f"{ms(percentile(row['transport'], 50))}"
            )
        if "meaning" in row:
            notes.append(meaning_notes(row))
        if "worst" in row:
            notes.append(f"{len(WORST_SHAPES)} shapes x 5; slowest {ms(row['worst'])}")
        if row.get("mean_hits") is not None:
            notes.append(f"mean hits {row['mean_hits']:.0f}")
        if "ours_mean_hits" in row:
            notes.append(f"hub mean hits on the same {row['ours_mean_hits']:.0f}")
        rate = row["size"] / row["index_s"] if row["index_s"] else 0
        lines.append(
            f"| {row['engine']} | {row['size']:,} | {row['index_s']:.1f} | {rate:,.0f} | "
            f"{ms(p50)} | {ms(p95)} | {'; '.join(notes)} |"
        )
    return "\n".join(lines)


def meaning_notes(row) -> str:
    """Where the time of a search with meaning goes, and what its vectors cost."""
    rate = row["embedded"] / row["embed_s"] if row["embed_s"] else 0
    with_embeddings = row["size"] / (row["index_s"] + row["size"] / rate) if rate else 0
    return (
        f"CPU p50 {ms(percentile(row['cpu'], 50))} / p95 {ms(percentile(row['cpu'], 95))} "
        "(this process: on SQLite the whole search, on PostgreSQL all but the server's "
        "work); the meaning side alone (embedding, scan, "
        f"translations) p50 {ms(percentile(row['meaning'], 50))} / p95 "
        f"{ms(percentile(row['meaning'], 95))}; {row['mean_near']:.0f} nearest per query; "
        f"{row['embedded']:,} embedded at {rate:.0f}/s (rebuild with embeddings "
        f"{with_embeddings:.0f} documents/s); matrix {row['matrix_mb']:.0f} MB, "
        f"loaded in {row['load_s']:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--wagtail-queries", type=int, default=20, help="0 to skip Wagtail")
    parser.add_argument("--limit", type=float, default=10.0, help="seconds per Wagtail query")
    parser.add_argument("--no-elasticsearch", dest="elasticsearch", action="store_false")
    parser.add_argument("--with-elasticsearch", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-postgres", dest="postgres", action="store_false")
    parser.add_argument(
        "--meaning",
        action="store_true",
        help="also time the whole search path with search by meaning (bench/meaning.py)",
    )
    parser.add_argument(
        "--embed-limit",
        type=int,
        default=10_000,
        help="documents embedded by the model; the rest get synthetic vectors",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--render", type=Path, help="print the table of a saved run")
    args = parser.parse_args()
    if args.render:
        render(args.render)
        return
    if args.worker:
        worker(args)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.time()
    load = os.getloadavg()
    rows = run_worker(args, None)
    url = postgres_url() if args.postgres else None
    if url:
        rows += run_worker(args, url)
    print()
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))}; {os.cpu_count()} cores; "
        f"Python {platform.python_version()}; load average at start {load[0]:.1f}, at end "
        f"{os.getloadavg()[0]:.1f}; {args.queries} queries per engine"
    )
    print(table(rows))
    (OUT / "last.json").write_text(json.dumps(rows))


def render(path: Path) -> None:
    """Print the table of a finished run again (``--render bench/out/last.json``)."""
    print(table(json.loads(path.read_text())))


if __name__ == "__main__":
    main()
