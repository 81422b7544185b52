"""Real servers for benchmarks and tests: gunicorn in the background, a Redis database of
one's own, a PostgreSQL database made and dropped, an editor publishing over HTTP. Nothing is
left running or behind.

Used by ``pages_bench.py``, ``lighthouse_audit.py``, ``two_servers.py`` and the two-server
test (``tests/hub/test_two_servers.py``), which imports it as ``bench.servers``.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg

POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DATABASES = 16  # Redis's default number of databases
CLAIM_KEY = "hub:claimed-by"


def free_port() -> int:
    """A port the OS says is free now (bound to 0, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server for {url} exited with {server.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (a local URL)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not come up within {seconds} s")


class Gunicorn:
    """gunicorn in the background, stopped (with its workers) on exit."""

    def __init__(
        self,
        gunicorn: str,
        app: str,
        port: int,
        cwd: Path,
        env: dict,
        workers: int = 2,
        log: Path | None = None,
    ):
        self.port = port
        self.terminated = False
        self.log = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                gunicorn,
                app,
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{port}",
                "--no-control-socket",  # gunicorn 27 would otherwise create one in $HOME
                "--access-logfile",
                "/dev/null",
            ],
            cwd=cwd,
            env=env,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )

    def __enter__(self):
        try:
            wait_until_up(f"http://127.0.0.1:{self.port}/", self.process)
        except BaseException:
            self.stop()  # never leave a server behind, even when it did not come up
            raise
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.stop()

    def terminate(self):
        """Ask gunicorn and its workers to stop, without waiting (``stop`` waits)."""
        if self.process.poll() is None and not self.terminated:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.terminated = True

    def stop(self):
        self.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        if self.log is not subprocess.DEVNULL:
            self.log.close()


def stop_all(servers: list[Gunicorn]) -> None:
    """Stop several servers at once: each takes seconds to wind down."""
    for server in servers:
        server.terminate()
    for server in servers:
        server.stop()


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis(REDIS_HOST, REDIS_PORT, socket_connect_timeout=2).ping())
    except redis.exceptions.RedisError:
        return False


class RedisDatabase:
    """An empty Redis database (by number) claimed for this process, emptied when released.

    The claim is a key set only if absent (``SET NX``), kept only if it is the database's one
    key: two processes never get the same database, and one in use by others is left alone."""

    def __init__(self):
        import redis

        for number in range(REDIS_DATABASES - 1, 0, -1):  # 0 is everyone's default
            client = redis.Redis(REDIS_HOST, REDIS_PORT, db=number)
            if client.set(CLAIM_KEY, os.getpid(), nx=True, ex=3600):
                if client.dbsize() == 1:
                    self.number, self.client = number, client
                    return
                client.delete(CLAIM_KEY)
        raise RuntimeError("no empty Redis database to claim on 127.0.0.1:6379")

    @property
    def url(self) -> str:
        return f"redis://{REDIS_HOST}:{REDIS_PORT}/{self.number}"

    def release(self) -> None:
        self.client.flushdb()
        self.client.close()


def create_database(name: str, template: str | None = None) -> str:
    """A new PostgreSQL database (a copy of ``template`` when given, which nobody may be
    connected to); its URL."""
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        copy = f' TEMPLATE "{template}"' if template else ""
        admin.execute(f'CREATE DATABASE "{name}"{copy}')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def drop_database(name: str) -> None:
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Editor:
    """Someone signed in to the admin of one server, publishing through it over HTTP."""

    CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    def __init__(self, base: str, username: str, password: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        form = self._token("/admin/login/")
        answer = self._post("/admin/login/", form, username=username, password=password)
        if "/admin/login/" in answer.geturl():
            raise RuntimeError(f"{username} could not sign in at {base}")

    def _token(self, path: str) -> str:
        page = self.opener.open(self.base + path, timeout=30).read().decode()
        return self.CSRF.search(page).group(1)

    def _post(self, path: str, token: str, **fields):
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        return self.opener.open(self.base + path, data=data, timeout=60)

    def publish(self, page_id: int) -> None:
        """Publish the page's latest revision, as "Publish" in the page explorer does."""
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/"
        answer = self._post(path, self._token(path))
        if answer.status != 200 or not answer.geturl().endswith("/admin/"):
            raise RuntimeError(f"publishing page {page_id} answered {answer.status}")
