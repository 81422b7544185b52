"""``make run SEARCH=elasticsearch`` on a fresh database, as README tells a new user to try
the Elasticsearch engine: the target itself, stopped once its server has answered.

Only ``make install`` is left out (``-o .venv/.installed``): the tests run inside the
installed virtualenv, which must not be reinstalled under them; ``PY`` is this interpreter.
"""

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READY = "Quit the server with"
DEADLINE_SECONDS = 900  # migrations and the demo content on a busy two-core machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def read_until(lines: queue.Queue, marker: str) -> str:
    """The output up to the line holding ``marker``; fails with it if the process ends first."""
    seen: list[str] = []
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        try:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0))
        except queue.Empty:
            pytest.fail("make run did not start serving in time:\n" + "".join(seen))
        if line is None:
            pytest.fail("make run ended before serving:\n" + "".join(seen))
        seen.append(line)
        if marker in line:
            return "".join(seen)


def environment(tmp_path) -> dict[str, str]:
    """A new user's shell: development settings, a fresh SQLite file, no cluster configured."""
    skip = ("ELASTICSEARCH_", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "MAKE", "MFLAGS")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PAGE_CACHE_DIR=str(tmp_path / "page-cache"),
        HUB_ADMIN_PASSWORD="a-long-demo-password",
        PYTHONUNBUFFERED="1",
    )
    return env


def test_make_run_serves_the_search_from_a_local_osmem_server(tmp_path):
    port = free_port()
    command = ["make", "-o", ".venv/.installed", "run", "SEARCH=elasticsearch"]
    process = subprocess.Popen(
        [*command, f"PY={sys.executable}", f"PORT={port}"],
        cwd=ROOT,
        env=environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: make, osmem-server, runserver
    )
    lines: queue.Queue = queue.Queue()

    def read():
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    try:
        output = read_until(lines, READY)
        osmem = re.search(r"osmem-server at (http://\S+)", output)[1]

        api = fetch_json(f"http://127.0.0.1:{port}/api/search/?q=facilitation&lang=en")
        public_index = fetch_json(f"{osmem}/hub_en/_count")["count"]
        admin_index = fetch_json(f"{osmem}/hub_wagtail_wagtailcore_page/_count")["count"]
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C, as a user stops it
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    assert api["degraded"] is False and api["total"] > 0
    assert f"Elasticsearch at {osmem} (no credentials)" in output
    assert "Built and swapped in: hub_en -> hub_en_" in output
    assert public_index > 0 and admin_index > 0
    with pytest.raises(OSError):  # osmem-server stopped with the development server
        urllib.request.urlopen(osmem, timeout=5)
