"""The lessons dataset as CSV or JSON Lines: one writer for the downloads and the command.

Rows are written a chunk at a time (``query.chunks``), so memory stays that of one chunk
whatever the number of lessons. The downloads keep what they wrote in a file named by the
content version (``hub.content_version``): the first request after a change streams the
rows from the database while writing the file, every later one is served from the file,
until the next publish makes a new version.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings

from .columns import LIST_COLUMNS, LIST_SEPARATOR, NAMES
from .query import chunks, public_lessons
from .rows import RowBuilder

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl; charset=utf-8",
}
BOM = "\ufeff"
STALE_AFTER_SECONDS = 15 * 60
# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row_chunks(request=None) -> Iterator[list[dict]]:
    """Every row of the dataset, a chunk at a time."""
    builder = RowBuilder(request)
    for lessons in chunks(public_lessons()):
        yield builder.rows(lessons)


def _csv_cell(name: str, value) -> str:
    if value is None:
        return ""
    if name in LIST_COLUMNS:
        value = LIST_SEPARATOR.join(value)
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_text(chunked_rows: Iterable[list[dict]]) -> Iterator[str]:
    """CSV for spreadsheets: a UTF-8 byte order mark (so that Excel reads the accents right),
    a header of column names, one line per row, lists joined with "; "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow(NAMES)
    for rows in chunked_rows:
        for row in rows:
            writer.writerow([_csv_cell(name, row[name]) for name in NAMES])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_text(chunked_rows: Iterable[list[dict]]) -> Iterator[str]:
    """One JSON object per line, keys in column order, lists as arrays."""
    for rows in chunked_rows:
        yield "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def text(fmt: str, chunked_rows: Iterable[list[dict]]) -> Iterator[str]:
    return (csv_text if fmt == "csv" else jsonl_text)(chunked_rows)


def export(fmt: str, out) -> None:
    """Write the whole dataset to ``out``, a binary file (``manage.py export_lessons``)."""
    for part in text(fmt, row_chunks()):
        out.write(part.encode("utf-8"))


# --- one file per content version ---------------------------------------------------------


def cached_file(fmt: str, version) -> Path:
    return Path(settings.DATASET_CACHE_DIR) / str(version) / f"lessons.{fmt}"


def written_while_streaming(fmt: str, version) -> Iterator[bytes]:
    """The dataset's bytes, kept in ``cached_file`` once all of them were sent. An
    interrupted download leaves nothing behind; two at once each write their own
    temporary file and the last to finish puts its own in place (they hold the same rows)."""
    final = cached_file(fmt, version)
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.with_name(f".{final.name}.{uuid.uuid4().hex}")
    try:
        with temporary.open("wb") as kept:
            for part in text(fmt, row_chunks()):
                data = part.encode("utf-8")
                kept.write(data)
                yield data
        try:
            os.replace(temporary, final)
        except OSError:  # the folder went away meanwhile: serve it, keep nothing
            return
        _forget_other_versions(final.parent)
    finally:
        temporary.unlink(missing_ok=True)


def _forget_other_versions(current: Path) -> None:
    """Files of earlier versions will never be served again. Only folders untouched for a
    while go: another process may still be writing one it started under its version."""
    deadline = time.time() - STALE_AFTER_SECONDS
    for folder in current.parent.iterdir():
        try:
            stale = folder.is_dir() and folder != current and folder.stat().st_mtime < deadline
        except OSError:
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
