"""/healthz and /readyz as a load balancer sees them: plain answers, the failed part named,
never a secret; no redirect, no language prefix, no cache, no log line."""

import logging
import os
import socket

from django.test import RequestFactory

import pytest
import redis

from hub.health import SkipHealthCheckRecords
from tests.support.object_storage import unreachable_endpoint, use_storage

pytestmark = pytest.mark.django_db

PASSWORD = "hunter2-not-for-anyone"  # noqa: S105
REDIS_DB = 13  # a database number no other test uses


@pytest.fixture
def closed_port():
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_cache(url):
    return {
        "BACKEND": "hub.redis_cache.ForgivingRedisCache",  # as production configures it
        "LOCATION": url,
        "KEY_PREFIX": "hub-health-test",
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }


def test_healthz_answers_without_touching_anything(client):
    answer = client.get("/healthz")
    assert (answer.status_code, answer.content) == (200, b"ok")


def test_readyz_names_every_check_when_all_are_up(client):
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "skipped", "search": "ok", "storage": "skipped"},
    }
    assert answer["Cache-Control"] == "no-store"


def test_readyz_checks_a_real_redis(client, settings):
    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("Redis does not answer at 127.0.0.1:6379 (CI needs it)")
    settings.CACHES = {**settings.CACHES, "pages": redis_cache(url)}
    try:
        answer = client.get("/readyz")
        assert answer.status_code == 200
        assert answer.json()["checks"]["cache"] == "ok"
    finally:
        redis.Redis.from_url(url).flushdb()


def test_readyz_names_the_cache_when_redis_is_down(client, settings, closed_port):
    url = f"redis://:{PASSWORD}@127.0.0.1:{closed_port}/0"
    settings.CACHES = {**settings.CACHES, "pages": redis_cache(url)}
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["failed"] == ["cache"]
    assert answer.json()["checks"]["database"] == "ok"
    assert PASSWORD not in answer.text and str(closed_port) not in answer.text


def test_readyz_names_the_search_engine_when_it_is_unreachable(client, settings, closed_port):
    settings.ELASTICSEARCH_URL = f"http://elastic:{PASSWORD}@127.0.0.1:{closed_port}"
    settings.ELASTICSEARCH_TIMEOUT = 2
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json() == {
        "status": "failed",
        "checks": {"database": "ok", "cache": "skipped", "search": "failed", "storage": "skipped"},
        "failed": ["search"],
    }
    assert PASSWORD not in answer.text and str(closed_port) not in answer.text


def test_probes_are_answered_on_any_host_over_plain_http(client, settings):
    """A load balancer probes the server's own address, over HTTP, without a language."""
    settings.SECURE_SSL_REDIRECT = True
    settings.PAGE_CACHE_ENABLED = True
    for path in ("/healthz", "/readyz"):
        answer = client.get(path, HTTP_HOST="10.1.2.3:8000")
        assert answer.status_code == 200, path
        assert "X-Page-Cache" not in answer
        assert "Set-Cookie" not in answer


def test_health_checks_are_left_out_of_the_logs():
    keep = SkipHealthCheckRecords().filter
    factory = RequestFactory()

    def record(path):
        return logging.makeLogRecord(
            {"msg": "Service Unavailable: %s", "args": (path,), "request": factory.get(path)}
        )

    assert not keep(record("/readyz"))
    assert not keep(record("/healthz"))
    assert keep(record("/en/"))
    runserver = logging.makeLogRecord(
        {"msg": '"%s" %s %s', "args": ("GET /healthz HTTP/1.1", "200", "2")}
    )
    assert not keep(runserver)


def test_readyz_checks_object_storage(client, object_storage):
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json()["checks"]["storage"] == "ok"


def test_readyz_names_object_storage_when_it_is_unreachable(client, settings, object_storage):
    use_storage(settings, unreachable_endpoint(), timeout=1)
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["failed"] == ["storage"]
    assert "hub-test-secret" not in answer.text and "127.0.0.1" not in answer.text
