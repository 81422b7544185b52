"""A cluster that cannot be used is named in one clear line, without its secrets: the rebuild
command exits non-zero with that line, and a search falls back without logging a secret.

osmem-server accepts any credentials, so refused ones come from a tiny local HTTP server
that answers 401 the way Elasticsearch does.
"""

import json
import logging
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "pw-never-printed-7Qx"
API_KEY = "key-never-printed-3Zr"
URL_PASSWORD = "url-pw-never-printed-9Kd"

REFUSAL = {
    "error": {
        "root_cause": [{"type": "security_exception", "reason": "unable to authenticate user"}],
        "type": "security_exception",
        "reason": "unable to authenticate user [hub] for REST request [/]",
    },
    "status": 401,
}


class RefusingHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.authorizations.append(self.headers.get("Authorization"))
        body = json.dumps(REFUSAL).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("WWW-Authenticate", 'Basic realm="security", charset="UTF-8"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_POST = do_PUT = do_GET

    def log_message(self, *args):  # the test reads what it needs from ``authorizations``
        pass


@pytest.fixture
def refusing_cluster():
    server = ThreadingHTTPServer(("127.0.0.1", 0), RefusingHandler)
    server.authorizations = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def closed_port():
    """A port bound but not listening: connecting is refused, and nothing else takes it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def run_rebuild(tmp_path, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH_")}
    base.update(
        DJANGO_SETTINGS_MODULE="hub.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "rebuild_search_index", "--engine", "elasticsearch"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_error_line(result) -> str:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_an_unreachable_cluster_is_one_line_without_the_api_key(tmp_path, closed_port):
    result = run_rebuild(
        tmp_path,
        ELASTICSEARCH_URL=f"http://127.0.0.1:{closed_port}",
        ELASTICSEARCH_API_KEY=API_KEY,
    )

    line = one_error_line(result)
    assert line == (
        f"CommandError: Cannot reach Elasticsearch at http://127.0.0.1:{closed_port}: "
        "connection refused."
    )
    assert not (tmp_path / "unused.sqlite3").exists()  # it stopped before any work


def test_refused_credentials_are_one_line_without_the_password(tmp_path, refusing_cluster):
    url = f"http://127.0.0.1:{refusing_cluster.server_port}"

    result = run_rebuild(
        tmp_path,
        ELASTICSEARCH_URL=url,
        ELASTICSEARCH_USERNAME="hub",
        ELASTICSEARCH_PASSWORD=PASSWORD,
    )

    line = one_error_line(result)
    assert line.startswith(f"CommandError: Elasticsearch at {url} refused the credentials")
    assert "ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD" in line
    assert PASSWORD not in result.stdout + result.stderr
    assert refusing_cluster.authorizations  # the credentials were sent, only not printed
    assert all(a and a.startswith("Basic ") for a in refusing_cluster.authorizations)


def test_a_password_in_the_url_is_never_printed(tmp_path, refusing_cluster):
    port = refusing_cluster.server_port

    result = run_rebuild(tmp_path, ELASTICSEARCH_URL=f"http://hub:{URL_PASSWORD}@127.0.0.1:{port}")

    line = one_error_line(result)
    assert f"Elasticsearch at http://127.0.0.1:{port} refused the credentials" in line
    assert URL_PASSWORD not in result.stdout + result.stderr


@pytest.mark.django_db
def test_a_search_falls_back_without_logging_a_secret(client, settings, caplog, closed_port):
    settings.ELASTICSEARCH_URL = f"http://hub:{URL_PASSWORD}@127.0.0.1:{closed_port}"
    settings.ELASTICSEARCH_API_KEY = API_KEY

    with caplog.at_level(logging.DEBUG):
        answer = client.get("/api/search/", {"q": "facilitation"}).json()

    assert answer["degraded"] is True
    assert "unavailable" in caplog.text
    assert API_KEY not in caplog.text and URL_PASSWORD not in caplog.text


def test_an_api_key_and_a_password_together_are_refused_in_one_line(settings):
    settings.ELASTICSEARCH_URL = "https://search.example.org:9200"
    settings.ELASTICSEARCH_API_KEY = API_KEY
    settings.ELASTICSEARCH_USERNAME = "hub"
    settings.ELASTICSEARCH_PASSWORD = PASSWORD

    with pytest.raises(CommandError) as raised:
        call_command("rebuild_search_index", "--engine", "elasticsearch", stdout=StringIO())

    assert str(raised.value) == (
        "Cannot use the elasticsearch engine: Set ELASTICSEARCH_API_KEY, or "
        "ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD, not both."
    )
