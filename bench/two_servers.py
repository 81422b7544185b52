"""Two app servers under load while an editor publishes: errors and stale pages.

    python bench/two_servers.py [--duration 60] [--clients 50] [--publish-every 3]
                                [--workers 2] [--no-semantic] [--keep]

Makes a PostgreSQL database of its own (``hub_two_servers_bench`` on 127.0.0.1:5432),
migrates it and writes a partner with case stories, each with a draft that adds one made-up
word (``bench/server_site.py``); claims an empty Redis database on 127.0.0.1:6379; starts two
gunicorn servers (production settings over plain HTTP, page cache in Redis). Then, for
``--duration`` seconds, ``--clients`` threads spread over both servers fetch the home page,
the partner, the stories and searches, while an editor signed in on both servers publishes
the next story's draft every ``--publish-every`` seconds, through each server in turn.

An error is an answer other than 2xx/3xx, or no answer. A stale page is a story page, asked
for after its publish returned, that lacks its new word; a stale search is a search for that
word, asked for after the publish returned, that does not list the story. Prints a table per
server; nothing is left running, and the database and Redis are emptied unless ``--keep``.
"""

import argparse
import http.client
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

from server_site import EDITOR  # bench/server_site.py, beside this script
from servers import (
    Editor,
    Gunicorn,
    RedisDatabase,
    create_database,
    drop_database,
    free_port,
    stop_all,
    wait_until_up,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DATABASE = "hub_two_servers_bench"
PYTHON = sys.executable


def server_env(database_url: str, redis_url: str, semantic: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.servers_settings",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        PAGE_CACHE_ENABLED="true",
        SEARCH_SEMANTIC="true" if semantic else "false",
        TASKS_BACKEND="immediate",  # index in the publishing request
        LOG_LEVEL="ERROR",
    )
    env.pop("ELASTICSEARCH_URL", None)
    return env


def build_site(env: dict, stories: int) -> dict:
    def manage(*args):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    manage("migrate", "--no-input", "-v0")
    output = manage("shell", "-c", f"from bench.server_site import build; build(stories={stories})")
    return json.loads(output.strip().splitlines()[-1])


class Published:
    """What the editor has published so far: path -> (new word, when its publish returned)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.stories: dict[str, tuple[str, float]] = {}
        self.latest: str | None = None

    def add(self, path: str, word: str) -> None:
        with self.lock:
            self.stories[path] = (word, time.monotonic())
            self.latest = path

    def get(self, path: str):
        with self.lock:
            return self.stories.get(path)


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.counts = Counter()

    def record(self, seconds: float, **counts) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.counts.update(counts)


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        answer = connection.getresponse()
        return answer.status, answer.read().decode(errors="replace")
    finally:
        connection.close()


def pick(site: dict, published: Published, rng: random.Random) -> tuple[str, str | None]:
    """A path to fetch and, for probes of a published story, that story's path."""
    latest = published.latest
    roll = rng.random()
    if latest and roll < 0.35:
        return latest, latest  # the page just published
    if latest and roll < 0.5:
        word, _ = published.get(latest)
        return f"/en/search/?q={word}", latest  # its new word
    story = rng.choice(site["stories"])
    if roll < 0.7:
        return story["path"], story["path"]
    if roll < 0.8:
        return f"/en/search/?q=budget+hearings&page={rng.randint(1, 3)}", None
    return rng.choice(["/en/", site["partner"], "/en/search/?q=venue"]), None


def client(ports, site, published, tallies, stop: threading.Event, seed: int) -> None:
    rng = random.Random(seed)
    port = ports[seed % len(ports)]
    while not stop.is_set():
        path, story = pick(site, published, rng)
        probe = published.get(story) if story else None
        started = time.monotonic()
        try:
            status, body = get(port, path)
        except OSError:
            tallies[port].record(time.monotonic() - started, requests=1, errors=1)
            continue
        counts = {"requests": 1, "errors": int(not 200 <= status < 400)}
        if probe and started > probe[1] and status == 200:
            word = probe[0]
            if path.startswith("/en/search/"):
                counts.update(searches_checked=1, stale_searches=int(story not in body))
            else:
                counts.update(pages_checked=1, stale_pages=int(word not in body))
        tallies[port].record(time.monotonic() - started, **counts)


def editor(editors, site, published, stop: threading.Event, every: float, timings: list) -> None:
    for n, story in enumerate(site["stories"]):
        if stop.wait(every):
            return
        started = time.monotonic()
        try:
            editors[n % len(editors)].publish(story["id"])
        except (OSError, RuntimeError) as error:
            print(f"publish {n} failed: {error}", file=sys.stderr)
            timings.append(float("nan"))
            continue
        timings.append(time.monotonic() - started)
        published.add(story["path"], story["new_word"])


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0.0


def report(tallies: dict, labels: dict, duration: float, publishes: list) -> None:
    print(
        f"{'server':<8} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'pages checked':>13} {'stale':>5} {'searches checked':>16} {'stale':>5}"
    )
    everything = Tally()
    for tally in tallies.values():
        everything.latencies += tally.latencies
        everything.counts.update(tally.counts)
    for label, tally in [*((labels[p], t) for p, t in tallies.items()), ("both", everything)]:
        c = tally.counts
        print(
            f"{label:<8} {c['requests']:>8} {c['requests'] / duration:>7.1f} "
            f"{percentile(tally.latencies, 0.5):>7.0f} {percentile(tally.latencies, 0.95):>7.0f} "
            f"{percentile(tally.latencies, 0.99):>7.0f} {c['errors']:>6} "
            f"{c['pages_checked']:>13} {c['stale_pages']:>5} "
            f"{c['searches_checked']:>16} {c['stale_searches']:>5}"
        )
    done = [seconds for seconds in publishes if seconds == seconds]  # NaN: failed
    if done:
        print(
            f"publishes: {len(done)} done, {len(publishes) - len(done)} failed; each took "
            f"median {statistics.median(done) * 1000:.0f} ms, max {max(done) * 1000:.0f} ms"
        )


def run(args) -> None:
    with ExitStack() as stack:
        redis = RedisDatabase()
        stack.callback(redis.release)
        url = create_database(DATABASE)
        if not args.keep:
            stack.callback(drop_database, DATABASE)
        env = server_env(url, redis.url, args.semantic)
        stories = int(args.duration / args.publish_every) + 2
        site = build_site(env, stories)
        OUT.mkdir(parents=True, exist_ok=True)
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        servers = []
        stack.callback(stop_all, servers)
        for label in ("a", "b"):
            log = OUT / f"two-servers-{label}.log"
            servers.append(
                Gunicorn(
                    gunicorn, "hub.wsgi:application", free_port(), ROOT, env, args.workers, log
                )
            )
        for server in servers:
            wait_until_up(f"http://127.0.0.1:{server.port}/en/", server.process)
        ports = [server.port for server in servers]
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for port in ports:  # the servers' first renders, not the load's
            for path in ("/en/", site["partner"], site["stories"][0]["path"]):
                get(port, path)

        editors = [Editor(base, *EDITOR) for base in bases]  # signed in before the clock starts
        published, stop, publishes = Published(), threading.Event(), []
        tallies = {port: Tally() for port in ports}
        threads = [
            threading.Thread(target=client, args=(ports, site, published, tallies, stop, n))
            for n in range(args.clients)
        ]
        threads.append(
            threading.Thread(
                target=editor, args=(editors, site, published, stop, args.publish_every, publishes)
            )
        )
        uptime_before = uptime()
        started = time.monotonic()
        for thread in threads:
            thread.start()
        stop.wait(args.duration)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        print(f"# uptime before: {uptime_before}")
        print(f"# uptime after:  {uptime()}")
        print(
            f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}  {platform.node()}  "
            f"{os.cpu_count()} CPUs, {platform.processor() or platform.machine()}  "
            f"two servers x gunicorn -w {args.workers}, "
            f"{args.clients} clients, {elapsed:.0f} s, a publish every {args.publish_every} s, "
            f"search by meaning {'on' if args.semantic else 'off'}"
        )
        report(tallies, {ports[0]: "a", ports[1]: "b"}, elapsed, publishes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--publish-every", type=float, default=3)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--no-semantic", dest="semantic", action="store_false")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
