"""Load test of the public pages: gunicorn (2 workers) on 127.0.0.1 driven by wrk.

    python bench/pages_bench.py [--duration 60] [--connections 50] [--cache both|on|off]
                                [--languages en] [--bakerydemo PATH]

It builds a demo site in bench/out/ (SQLite, production settings, collected static files),
takes one page of every page type from the site itself (``hub.sample_urls.sample_urls``),
counts the SQL queries of a warm render of each, then runs wrk against each URL and prints
requests/s, p50/p95/p99 latency and errors, once with the anonymous-page cache off and once
with it on. With ``--bakerydemo PATH`` it also serves a prepared checkout of Wagtail's
bakerydemo (its own .venv, database and collected static files, set up as described in the
project's benchmark notes) and measures its blog page the same way, side by side.

Needs wrk (``scripts/install-system-deps.sh wrk``). Nothing is left running afterwards.
"""

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from servers import Gunicorn  # bench/servers.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
WRK_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  local errs = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT %d %.2f %.1f %.1f %.1f %d %d\\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errs, summary.bytes / math.max(summary.requests, 1)))
end
"""
# Counts the queries of the third render in one process, as the bakerydemo notes did.
QUERY_COUNT = """
import json, os
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hub.sample_urls import sample_urls
client = Client(HTTP_HOST="127.0.0.1")
rows = []
for url in sample_urls(os.environ["BENCH_LANGUAGES"].split(",")):
    client.get(url.path); client.get(url.path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url.path).status_code
    rows.append({"label": url.label, "language": url.language, "path": url.path,
                 "status": status, "queries": len(queries)})
print(json.dumps(rows))
"""


def hub_env(cache: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{OUT / 'pages.sqlite3'}",
        PAGE_CACHE_DIR=str(OUT / "page-cache"),
        PAGE_CACHE_ENABLED="1" if cache else "0",
        HUB_ADMIN_PASSWORD="bench-only-password",
        LOG_LEVEL="ERROR",
    )
    return env


def manage(*args, env, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    ).stdout


def build_site(env) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    manage("migrate", "--no-input", env=env)
    manage("load_demo_content", env=env)
    manage("collectstatic", "--no-input", env=env)


def run_wrk(url: str, args, lua: Path) -> dict:
    for _ in range(args.warmup):
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(url, timeout=10).read()  # noqa: S310 (a local URL)
    command = [
        "wrk",
        f"-t{min(args.threads, args.connections)}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "-s",
        str(lua),
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next((ln for ln in output.splitlines() if ln.startswith("RESULT")), None)
    if line is None:
        return {"error": output.strip()[-200:]}
    _, n, rps, p50, p95, p99, errors, size = line.split()
    return {
        "requests": int(n),
        "rps": float(rps),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "errors": int(errors),
        "bytes": int(size),
    }


HEADER = (
    f"{'site':<10} {'cache':<5} {'page':<24} {'queries':>7} {'req/s':>9} {'p50 ms':>8} "
    f"{'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'B/resp':>7}"
)


def print_row(site, cache, page, queries, result) -> None:
    if "error" in result:
        print(f"{site:<10} {cache:<5} {page:<24} wrk failed: {result['error']}")
        return
    print(
        f"{site:<10} {cache:<5} {page:<24} {queries!s:>7} {result['rps']:>9.1f} "
        f"{result['p50']:>8.1f} {result['p95']:>8.1f} {result['p99']:>8.1f} "
        f"{result['errors']:>7} {result['bytes']:>7}",
        flush=True,
    )


def bench_hub(args, lua: Path) -> None:
    env = hub_env(cache=False)
    if not args.skip_setup:
        build_site(env)
    env_langs = {**env, "BENCH_LANGUAGES": args.languages}
    output = manage("shell", "--no-imports", "-c", QUERY_COUNT, env=env_langs, capture=True)
    pages = json.loads(output.strip().splitlines()[-1])
    pages = [page for page in pages if page["status"] == 200]
    if args.pages:
        pages = [page for page in pages if page["label"] in args.pages]
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    modes = {"both": [False, True], "on": [True], "off": [False]}[args.cache]
    for cache in modes:
        shutil.rmtree(OUT / "page-cache", ignore_errors=True)
        with Gunicorn(gunicorn, "hub.wsgi:application", args.port, ROOT, hub_env(cache)) as base:
            for page in pages:
                result = run_wrk(base + page["path"], args, lua)
                label = f"{page['label']} {page['path']}"[:24]
                print_row("hub", "on" if cache else "off", label, page["queries"], result)


def bench_bakerydemo(args, lua: Path) -> None:
    checkout = Path(args.bakerydemo).resolve()
    venv = checkout / ".venv" / "bin"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY="bench-only",
        SECURE_SSL_REDIRECT="false",
    )
    app = "bakerydemo.wsgi:application"
    with Gunicorn(str(venv / "gunicorn"), app, args.port + 1, checkout, env) as base:
        for path in args.bakerydemo_paths:
            result = run_wrk(base + path, args, lua)
            print_row("bakerydemo", "-", path[:24], "-", result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per page (60)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--warmup", type=int, default=20, help="requests before each run")
    parser.add_argument("--cache", choices=["both", "on", "off"], default="both")
    parser.add_argument("--languages", default="en", help="comma-separated codes (en)")
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--skip-setup", action="store_true", help="reuse bench/out/")
    parser.add_argument(
        "--pages", nargs="+", metavar="LABEL", help="only these page labels (casestorypage search)"
    )
    parser.add_argument("--bakerydemo", metavar="PATH", help="a prepared bakerydemo checkout")
    parser.add_argument(
        "--bakerydemo-paths", nargs="+", default=["/blog/wild-yeast/"], metavar="PATH"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: bash scripts/install-system-deps.sh wrk")

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(WRK_LUA)
    lua = Path(handle.name)
    try:
        print(
            f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}  {os.cpu_count()} CPUs  "
            f"gunicorn -w 2, wrk -c{args.connections} -t{args.threads} -d{args.duration}s"
        )
        print(HEADER, flush=True)
        bench_hub(args, lua)
        if args.bakerydemo:
            bench_bakerydemo(args, lua)
    finally:
        lua.unlink()


if __name__ == "__main__":
    main()
