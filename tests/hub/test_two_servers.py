"""Two app servers sharing PostgreSQL and Redis agree at once on what is published.

Two gunicorn servers (production settings over plain HTTP, ``bench/servers_settings.py``,
the page cache on, in Redis) serve a database of their own, copied from the test database as
the migrations left it, with a partner and a story (``bench/server_site.py``). Both have the
story and a search for a word of its draft in their page caches when an editor signed in on
the first server publishes the draft: the second server shows the change and finds the word
in its very next answers, because the content version that keys every cached page and
remembered lookup lives in the shared Redis, and the search index in the shared database.

Runs when ``DATABASE_URL`` is PostgreSQL (CI's second run) and Redis answers on
127.0.0.1:6379; both are started by CI.
"""

import contextlib
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from bench.server_site import EDITOR
from bench.servers import (
    Editor,
    Gunicorn,
    RedisDatabase,
    create_database,
    drop_database,
    free_port,
    redis_answers,
    stop_all,
    wait_until_up,
)

ROOT = Path(__file__).resolve().parents[2]
# The test database is set up for marked tests only: the servers' database is a copy of it.
pytestmark = pytest.mark.django_db

GUNICORN = str(Path(sys.executable).parent / "gunicorn")
BUILD = "from bench.server_site import build; build()"


def server_env(database_url: str, redis_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.servers_settings",
        SECRET_KEY="two-servers-test-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        PAGE_CACHE_ENABLED="true",
        SEARCH_SEMANTIC="false",
        TASKS_BACKEND="immediate",  # index in the publishing request, as the test expects
        LOG_LEVEL="ERROR",
    )
    env.pop("ELASTICSEARCH_URL", None)
    return env


def requirements(connection) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("two servers share PostgreSQL: runs when DATABASE_URL is PostgreSQL")
    if not redis_answers():
        message = "two servers share Redis, which does not answer on 127.0.0.1:6379"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import connection, connections

    requirements(connection)
    name = f"hub_twoservers_{os.getpid()}"
    with django_db_blocker.unblock():
        template = connection.settings_dict["NAME"]
        connections.close_all()  # a template must have no one connected
        database_url = create_database(name, template=template)
    logs = tmp_path_factory.mktemp("two-servers")
    with contextlib.ExitStack() as stack:
        stack.callback(drop_database, name)
        redis = RedisDatabase()
        stack.callback(redis.release)
        env = server_env(database_url, redis.url)
        built = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", BUILD],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert built.returncode == 0, built.stderr[-2000:]
        site = json.loads(built.stdout.strip().splitlines()[-1])
        started = []
        stack.callback(stop_all, started)
        for label in ("a", "b"):
            log = logs / f"{label}.log"
            started.append(
                Gunicorn(GUNICORN, "hub.wsgi:application", free_port(), ROOT, env, 1, log)
            )
        for server in started:
            wait_until_up(f"http://127.0.0.1:{server.port}/en/", server.process, seconds=90)
        yield [f"http://127.0.0.1:{server.port}" for server in started], site


def fetch(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 (a local URL)
        assert answer.status == 200, url
        return answer.headers.get("X-Page-Cache", ""), answer.read().decode()


def test_a_publish_on_one_server_shows_at_once_on_the_other(servers):
    (first, second), site = servers
    story = site["stories"][0]
    search = f"/en/search/?q={story['new_word']}"
    for base in (first, second):
        # Both pages in both servers' caches, neither showing the draft.
        for path, draft_shown in ((story["path"], story["new_word"]), (search, story["path"])):
            fetch(base + path)
            cached, body = fetch(base + path)
            assert cached == "hit", base + path
            assert draft_shown not in body

    Editor(first, *EDITOR).publish(story["id"])

    cached, body = fetch(second + story["path"])
    assert cached == "miss" and story["new_word"] in body
    cached, body = fetch(second + search)
    assert cached == "miss" and story["path"] in body  # the search finds the new word
    assert story["path"] in fetch(first + search)[1]
