"""Rebuilding the search index through the task worker: documents per second.

Builds a hub of its own (``bench/out/worker.sqlite3``, or the PostgreSQL database given with
``--postgres``) with partners and case stories made by the factories, then for each worker
count: empties the index, queues one ``index_object`` task per indexable page (what a publish
queues), starts that many ``manage.py db_worker --batch`` processes and waits until the queue
is drained. For comparison, the inline rebuild (``rebuild_search_index --engine database``).
Keyword indexing only (``SEARCH_SEMANTIC=false``): embeddings have their own benchmark.

    python bench/worker_bench.py                       # 300 stories x 3 lessons, SQLite
    python bench/worker_bench.py --postgres postgres://postgres@127.0.0.1:5432/hub_worker_bench
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def configure(args) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    url = args.postgres or f"sqlite:///{OUT / 'worker.sqlite3'}"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="hub.settings.dev",
        DATABASE_URL=url,
        TASKS_BACKEND="database",
        SEARCH_SEMANTIC="false",
        DEBUG="false",
        MEDIA_ROOT=str(OUT / "worker-media"),
    )
    if args.postgres:
        recreate_postgres(args.postgres)
    else:
        (OUT / "worker.sqlite3").unlink(missing_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def recreate_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def build_content(stories: int, lessons: int) -> None:
    from django.core.management import call_command

    from wagtail.models import Site

    from django_tasks_db.models import DBTaskResult

    from network.factories import PartnerIndexPageFactory, PartnerProfilePageFactory
    from stories.factories import CaseStoryPageFactory, LessonFactory

    call_command("migrate", verbosity=0)
    home = Site.objects.get(is_default_site=True).root_page
    index = PartnerIndexPageFactory(parent=home)
    partners = [PartnerProfilePageFactory(parent=index) for _ in range(10)]
    for n in range(stories):
        story = CaseStoryPageFactory(parent=partners[n % len(partners)], title=f"Story {n}")
        for _ in range(lessons):
            LessonFactory(story=story)
    DBTaskResult.objects.all().delete()  # what building queued (reference index, ...)


def indexable_pages() -> list[tuple[str, int]]:
    from search.documents import indexable_models, rebuild_queryset

    return [
        (model._meta.label, pk)
        for model in indexable_models()
        for pk in rebuild_queryset(model).values_list("pk", flat=True)
    ]


def through_worker(workers: int) -> dict:
    from django.db import connections

    from django_tasks_db.models import DBTaskResult

    from search.engines import get_engine
    from search.indexing import index_object

    engine = get_engine("database")
    engine.rebuild([])
    DBTaskResult.objects.all().delete()
    started = time.perf_counter()
    for label, pk in indexable_pages():
        index_object.enqueue(label, pk)
    queued = time.perf_counter() - started
    connections.close_all()  # SQLite: no lock held while the workers run
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    command += ["--interval", "0", "--no-reload", "-v", "0"]
    processes = [subprocess.Popen(command, cwd=ROOT) for _ in range(workers)]  # noqa: S603
    for process in processes:
        process.wait()
    seconds = time.perf_counter() - started
    tasks = DBTaskResult.objects.count()
    failed = DBTaskResult.objects.failed().count()
    documents = engine.count()
    return {
        "how": f"worker x{workers}",
        "documents": documents,
        "tasks": tasks,
        "failed": failed,
        "queue_s": queued,
        "seconds": seconds,
    }


def inline() -> dict:
    from io import StringIO

    from django.core.management import call_command

    from search.engines import get_engine

    started = time.perf_counter()
    call_command("rebuild_search_index", engine="database", stdout=StringIO())
    seconds = time.perf_counter() - started
    count = get_engine("database").count()
    return {
        "how": "inline rebuild",
        "documents": count,
        "tasks": 0,
        "failed": 0,
        "queue_s": 0.0,
        "seconds": seconds,
    }


def table(rows: list[dict]) -> str:
    lines = [
        "| how | documents | tasks | failed | queueing s | total s | documents/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        rate = row["documents"] / row["seconds"] if row["seconds"] else 0
        lines.append(
            f"| {row['how']} | {row['documents']} | {row['tasks']} | {row['failed']} | "
            f"{row['queue_s']:.2f} | {row['seconds']:.2f} | {rate:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--lessons", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--postgres", help="a PostgreSQL URL (the database is recreated)")
    args = parser.parse_args()
    configure(args)
    build_content(args.stories, args.lessons)
    rows = [through_worker(workers) for workers in args.workers]
    rows.append(inline())
    from django.db import connection

    print(f"{connection.vendor}, {args.stories} stories x {args.lessons} lessons")  # noqa: T201
    print(table(rows))  # noqa: T201


if __name__ == "__main__":
    main()
