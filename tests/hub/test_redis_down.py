"""With Redis down the site keeps serving pages, from the database, and shows what is published.

``REDIS_URL`` points at a port nothing listens on: every cache read misses, every write is
dropped (``hub/redis_cache.py``), and a publish made meanwhile shows at once.
"""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time

from django.core.cache import caches

import pytest
import redis

from bench.servers import free_port
from hub import redis_cache
from hub.redis_cache import ForgivingRedisCache
from tests.stories import conftest as stories

make_story = stories.make_story
network = stories.network  # the small network, as a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_port():
    """A port bound but not listening: connecting is refused, and nothing else takes it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def redis_down(settings, closed_port):
    url = f"redis://:secret-password@127.0.0.1:{closed_port}/0"
    redis = {
        "BACKEND": "hub.redis_cache.ForgivingRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    settings.CACHES = {"default": redis, "pages": {**redis, "KEY_PREFIX": "pages"}}
    settings.PAGE_CACHE_ENABLED = True
    assert isinstance(caches["pages"], ForgivingRedisCache)
    return caches["pages"]


def test_pages_and_search_answer_while_redis_is_down(client, network, redis_down, caplog, publish):
    story = make_story(network["alpha"], "Budget hearings in every district")
    publish(story.save_revision().publish)
    with caplog.at_level(logging.WARNING, logger="hub.redis_cache"):
        for path in ("/en/", story.url, "/en/partners/alpha/", "/en/search/?q=hearings"):
            for _twice in range(2):
                response = client.get(path)
                assert response.status_code == 200, path
                assert response.get("X-Page-Cache") != "hit", path  # nothing could be kept
    assert "Budget hearings in every district" in client.get("/en/search/?q=hearings").text
    assert not redis_down.ping()
    # One line names Redis without its password, however many requests and aliases failed.
    warnings = [r.getMessage() for r in caplog.records if "does not answer" in r.getMessage()]
    assert len(warnings) == 1
    assert "127.0.0.1" in warnings[0] and "secret-password" not in warnings[0]


def test_a_change_published_while_redis_is_down_shows_at_once(client, network, redis_down):
    story = make_story(network["alpha"], "Community scorecards")
    story.save_revision().publish()
    assert "Community scorecards" in client.get(story.url).text
    story.title = "Community scorecards, a year on"
    story.save_revision().publish()
    assert "Community scorecards, a year on" in client.get(story.url).text


@pytest.fixture
def own_redis(settings, monkeypatch):
    """A redis-server of this test's own (the test freezes it), as the site's cache."""
    if shutil.which("redis-server") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed")
    port = free_port()
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
    server = subprocess.Popen([*command, "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        client = redis.Redis("127.0.0.1", port)
        deadline = time.monotonic() + 10
        while not answers(client):
            assert time.monotonic() < deadline and server.poll() is None, "redis-server"
        cache = {
            "BACKEND": "hub.redis_cache.ForgivingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
        settings.CACHES = {"default": cache, "pages": {**cache, "KEY_PREFIX": "pages"}}
        settings.PAGE_CACHE_ENABLED = True
        # Try Redis again at once after a failure (5 s in production), so that the test
        # sees the first request after the outage.
        monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0.0)
        yield server
    finally:
        server.send_signal(signal.SIGCONT)
        server.terminate()
        server.wait(timeout=10)


def answers(client) -> bool:
    try:
        return bool(client.ping())
    except redis.exceptions.ConnectionError:
        return False


def test_a_change_published_while_redis_hangs_is_not_hidden_when_it_answers_again(
    client, homes, own_redis
):
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"

    own_redis.send_signal(signal.SIGSTOP)  # a hung Redis: connections open, no answers
    home = homes["en"]
    home.title = "A hub published while Redis hung"
    home.save_revision().publish()  # the content version could not be moved on
    assert "A hub published while Redis hung" in client.get("/en/").text

    own_redis.send_signal(signal.SIGCONT)  # back, still holding the page cached before
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "A hub published while Redis hung" in response.text
    assert client.get("/en/")["X-Page-Cache"] == "hit"
