"""The same queries through Wagtail's own database search backend (modelsearch), each with a
time limit enforced by the database itself (SQLite progress handler, PostgreSQL
statement_timeout), so a query that would take minutes is reported "over the limit"."""

from __future__ import annotations

import time

from django.db import OperationalError, connection, transaction
from django.db.utils import DatabaseError

from wagtail.search.backends import get_search_backend

from bench.models import BenchLesson

# Request facet -> the single-valued field standing for it on BenchLesson.
FIELDS = {
    "kind": "kind",
    "country": "country",
    "theme": "theme",
    "partner": "partner",
    "lesson_type": "lesson_type",
    "audience": "audience",
    "year": "year",
}


def load(documents) -> float:
    """Rows for the comparison model, then Wagtail's index of them; returns index seconds."""
    BenchLesson.objects.all().delete()
    rows = [
        BenchLesson(
            doc_id=d.id,
            locale=d.locale,
            kind=d.kind,
            title=d.title,
            summary=d.summary,
            body=d.body,
            year=d.year,
            country=(d.countries or [""])[0],
            theme=(d.themes or [""])[0],
            partner=(d.partners or [""])[0],
            lesson_type=(d.lesson_types or [""])[0],
            audience=(d.audiences or [""])[0],
        )
        for d in documents
    ]
    BenchLesson.objects.bulk_create(rows, batch_size=2000)
    backend = get_search_backend()
    started = time.perf_counter()
    index = backend.get_index_for_model(BenchLesson)
    index.reset() if hasattr(index, "reset") else None
    queryset = BenchLesson.objects.order_by("pk")
    last = 0
    while batch := list(queryset.filter(pk__gt=last)[:2000]):
        index.add_items(BenchLesson, batch)
        last = batch[-1].pk
    return time.perf_counter() - started


def _value(facet, value):
    return int(value) if facet == "year" else value


def run_query(query: dict, limit_s: float) -> tuple[float | None, int | None]:
    """Seconds for first page + count + one facet query per facet (each facet ignoring its
    own filter, as ours do), or None when the time limit cut it short; and the hit count."""
    backend = get_search_backend()
    filters = query.get("wagtail_filters") or {
        FIELDS[f]: _value(f, v[0]) for f, v in query["filters"].items()
    }
    text = query["text"].rstrip("*")
    deadline = time.perf_counter() + limit_s
    _arm(deadline)
    try:
        with transaction.atomic():
            base = BenchLesson.objects.filter(locale="en")
            results = backend.search(text, base.filter(**filters))
            list(results[:20])
            hits = results.count()
            for field in FIELDS.values():
                others = {k: v for k, v in filters.items() if k.split("__")[0] != field}
                backend.search(text, base.filter(**others)).facet(field)
    except (OperationalError, DatabaseError):
        return None, None
    finally:
        _disarm()
    elapsed = limit_s - (deadline - time.perf_counter())
    return (elapsed, hits) if elapsed <= limit_s else (None, None)


def _arm(deadline: float) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.set_progress_handler(
            lambda: 1 if time.perf_counter() > deadline else 0, 10_000
        )
    else:
        with connection.cursor() as cursor:
            remaining = max(1, int((deadline - time.perf_counter()) * 1000))
            cursor.execute(f"SET statement_timeout = {remaining}")


def _disarm() -> None:
    if connection.vendor == "sqlite":
        connection.connection.set_progress_handler(None, 0)
    else:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
