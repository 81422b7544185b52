"""Health checks for load balancers and orchestrators: ``/healthz`` and ``/readyz``.

``/healthz`` says the process answers (200 "ok", nothing else touched). ``/readyz`` says it can
serve: the database, the shared cache, the search engine and the object storage (when media
live in a bucket) each answer, as JSON ``{"status": "ok", "checks": {...}}``, or 503 naming
what failed. Only the names of the checks and "ok", "failed" or "skipped" are said: never an
address, a user, a key or an exception's text, which may carry them.

The middleware answers both paths first of all: before the host check (probes use the
server's own address), the HTTPS redirect (they speak plain HTTP to the server), the language
prefix, sessions and the page cache. Their requests are left out of the logs, Django's
(``SkipHealthCheckRecords``) and gunicorn's access log (``AccessLogWithoutHealthChecks``,
set in ``gunicorn.conf.py``).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import HttpResponse, JsonResponse

from gunicorn.glogging import Logger as GunicornLogger

HEALTH_PATHS = frozenset({"/healthz", "/readyz"})
PER_PROCESS_CACHES = ("LocMemCache", "DummyCache")
OK, FAILED, SKIPPED = "ok", "failed", "skipped"


def check_database() -> str:
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
    return OK


def check_cache() -> str:
    """A write and a read on every shared cache (Redis, or files), once per backend."""
    checked = 0
    for alias, config in settings.CACHES.items():
        if config["BACKEND"].endswith(PER_PROCESS_CACHES):
            continue
        cache = caches[alias]
        cache.set("hub:health", "1", timeout=10)
        if cache.get("hub:health") != "1":
            raise RuntimeError("cache lost a value")
        checked += 1
    return OK if checked else SKIPPED


def check_search() -> str:
    from search.engines import get_engine  # the search app is above hub

    if not get_engine().ping():
        raise RuntimeError("search engine unreachable")
    return OK


def check_storage() -> str:
    """Object storage (media in a bucket); local files need no check beyond the process."""
    from hub.storage import is_object_storage, storage_ready

    if not is_object_storage():
        return SKIPPED
    if not storage_ready():
        raise RuntimeError("object storage unreachable")
    return OK


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "storage": check_storage,
}


def readiness() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception:  # noqa: BLE001  (any failure means "not ready"; its text may hold secrets)
            results[name] = FAILED
    return results


def healthz(request) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def readyz(request) -> JsonResponse:
    checks = readiness()
    failed = [name for name, result in checks.items() if result == FAILED]
    body = {"status": "failed" if failed else "ok", "checks": checks}
    if failed:
        body["failed"] = failed
    response = JsonResponse(body, status=503 if failed else 200)
    response["Cache-Control"] = "no-store"
    return response


VIEWS = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    """Answers the two health paths before any other middleware runs (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = VIEWS.get(request.path_info)
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)


def _record_path(record: logging.LogRecord) -> str | None:
    path = getattr(getattr(record, "request", None), "path", None)
    if path is None and isinstance(record.args, tuple) and record.args:
        parts = str(record.args[0]).split(" ")  # runserver's "GET /healthz HTTP/1.1"
        path = parts[1] if len(parts) > 1 else None
    return path


class SkipHealthCheckRecords(logging.Filter):
    """Drops Django's log records about health-check requests (a 503 of /readyz included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        path = _record_path(record)
        return not (isinstance(path, str) and path.split("?", 1)[0] in HEALTH_PATHS)


class AccessLogWithoutHealthChecks(GunicornLogger):
    """gunicorn's access log, without the probes' requests."""

    def access(self, resp, req, environ, request_time):
        if environ.get("PATH_INFO") in HEALTH_PATHS:
            return
        super().access(resp, req, environ, request_time)
