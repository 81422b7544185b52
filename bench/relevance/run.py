"""Relevance benchmark: `make bench-relevance` (or `python -m bench.relevance.run`).

For each engine (SQLite, PostgreSQL when it answers, Elasticsearch on an osmem-server) a
worker process builds a fresh hub from the judged set (``loading.build``: locales, partner
profiles through onboarding, stories through the importer, the search index), then runs every
query of ``queries.yaml`` the way ``/api/search/`` does (``search.params.parse`` then
``search.service.run_search``, in the query's language, with its filters), twice: as
configured, and with keyword ranking alone (``SEARCH_SEMANTIC = False``). The driver prints
recall@10, MRR and nDCG@10 per engine and per kind of query (``metrics``), as Markdown.
Each database runs in its own process because Django's settings name one database.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from bench.relevance import metrics

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OUT = ROOT / "bench" / "out"
ENGINES = ("sqlite", "postgres", "elasticsearch")
RUNS = {"configured": {}, "keyword alone": {"SEARCH_SEMANTIC": False}}
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/hub_relevance_bench"


def load_queries(kinds=None) -> list[dict]:
    queries = yaml.safe_load((HERE / "queries.yaml").read_text(encoding="utf-8"))
    return [q for q in queries if not kinds or q["kind"] in kinds]


# --- worker: one engine, both runs -----------------------------------------------------------


def worker(args) -> None:
    server = None
    if args.engine == "elasticsearch":
        from osmem_server import OsmemServer

        server = OsmemServer.start(japanese=False)
        os.environ["RELEVANCE_ELASTICSEARCH_URL"] = server.url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.relevance.settings"
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from bench.relevance import loading

        call_command("migrate", verbosity=0)
        slugs = loading.build()
        queries = load_queries(args.kinds)
        for label, overrides in RUNS.items():
            emit({"run": label, "results": run_queries(queries, slugs, overrides)})
    finally:
        if server is not None:
            server.close()


def run_queries(queries, slugs, overrides) -> list[dict]:
    from django.http import QueryDict
    from django.test import override_settings

    from search import params, service

    results = []
    with override_settings(**overrides):
        for query in queries:
            data = QueryDict(mutable=True)
            data.update({"q": query["text"], "lang": query["lang"], "page_size": "100"})
            for facet, values in (query.get("filters") or {}).items():
                data.setlist(facet, [str(v) for v in values])
            parsed = params.parse(data, default_language=query["lang"])
            if parsed.errors:
                raise SystemExit(f"query {query['id']}: {parsed.errors}")
            outcome = service.run_search(parsed.request)
            ranked = ranked_stories(outcome.response.hits, slugs)
            judged = metrics.judge(query, ranked)
            results.append(
                {
                    "id": query["id"],
                    "ranked": ranked[: metrics.CUTOFF],
                    "top_hit": outcome.response.hits[0].document.title
                    if outcome.response.hits
                    else None,
                    "total": outcome.response.total,
                    "suggestion": outcome.response.suggestion,
                    "degraded": outcome.degraded,
                    "engine": outcome.response.engine,
                    "recall": judged.recall,
                }
            )
    return results


def ranked_stories(hits, slugs: dict[int, str]) -> list[str]:
    """Distinct stories in the order their first hit (the story or a lesson) appears."""
    ranked = []
    for hit in hits:
        source = hit.document.source
        if not source.startswith("stories.casestorypage:"):
            continue
        slug = slugs.get(int(source.rsplit(":", 1)[1]))
        if slug and slug not in ranked:
            ranked.append(slug)
    return ranked


def emit(row) -> None:
    print(json.dumps(row), flush=True)


# --- driver ----------------------------------------------------------------------------------


def fresh_postgres(url: str) -> str | None:
    """Drop and create the bench's database; None when PostgreSQL does not answer."""
    try:
        import psycopg

        admin, name = url.rsplit("/", 1)
        with psycopg.connect(f"{admin}/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return url
    except Exception:  # PostgreSQL is optional for the bench
        return None


def database_for(engine: str) -> str | None:
    if engine == "postgres":
        return fresh_postgres(os.environ.get("BENCH_POSTGRES_URL", POSTGRES_URL))
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"relevance-{engine}.sqlite3"
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def run_worker(engine: str, database_url: str, args) -> dict[str, list[dict]]:
    env = dict(os.environ, RELEVANCE_DATABASE_URL=database_url)
    env.pop("RELEVANCE_ELASTICSEARCH_URL", None)
    command = [sys.executable, "-m", "bench.relevance.run", "--worker", "--engine", engine]
    if args.kinds:
        command += ["--kinds", *args.kinds]
    process = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    if process.returncode:
        raise SystemExit(f"relevance worker failed ({engine})")
    runs = {}
    for line in process.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            runs[row["run"]] = row["results"]
    return runs


def judge_run(queries: dict[str, dict], results: list[dict]) -> list[metrics.Judged]:
    return [metrics.judge(queries[r["id"]], r["ranked"]) for r in results]


def report_failures(engine: str, label: str, queries, results) -> None:
    print(f"\nFailing queries, {engine}, {label}:")
    for row in results:
        judged = metrics.judge(queries[row["id"]], row["ranked"])
        if judged.recall == 1 and judged.first_ok is not False:
            continue
        query = queries[row["id"]]
        missing = sorted(set(query["relevant"]) - set(row["ranked"]))
        print(
            f"- {row['id']} [{query['kind']}, {query['lang']}] {query['text']!r}: "
            f"recall {judged.recall:.2f}; first {row['ranked'][0] if row['ranked'] else None!r} "
            f"(top hit {row['top_hit']!r}, {row['total']} hits"
            + (f", suggestion {row['suggestion']!r}" if row["suggestion"] else "")
            + f"); missing {missing}"
            + (f"; wanted first {query['first']!r}" if judged.first_ok is False else "")
        )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--kinds", nargs="+", choices=metrics.KINDS)
    parser.add_argument("--verbose", action="store_true", help="print every failing query")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return
    queries = {q["id"]: q for q in load_queries(args.kinds)}
    summary = []
    for engine in args.engines:
        database_url = database_for(engine)
        if database_url is None:
            print(f"\n{engine}: skipped (PostgreSQL does not answer)")
            continue
        runs = run_worker(engine, database_url, args)
        tables = {label: metrics.by_kind(judge_run(queries, rows)) for label, rows in runs.items()}
        print("\n" + metrics.engine_table(engine, tables), flush=True)
        for label, rows in runs.items():
            degraded = sum(r["degraded"] for r in rows)
            if degraded:
                print(f"\n{engine}, {label}: {degraded} queries answered by the fallback engine")
            summary.append((engine, label, tables[label]))
            if args.verbose:
                report_failures(engine, label, queries, rows)
    print("\n### Summary\n\n" + metrics.summary_table(summary))


if __name__ == "__main__":
    main()
