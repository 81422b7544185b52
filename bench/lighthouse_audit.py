"""Lighthouse (mobile) on one page of every type: ``make audit``. A benchmark, not a gate.

Serves the demo site built by ``pages_bench.py`` (production settings, page cache on) with
gunicorn, runs the pinned Lighthouse from node_modules against each sample URL with Debian's
Chromium, prints the four category scores and keeps the reports in bench/out/lighthouse/.
"""

import argparse
import json
import os
import statistics
import subprocess
from pathlib import Path

from pages_bench import OUT, PYTHON, ROOT, Gunicorn, build_site, hub_env, manage

CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
ATTEMPTS = 4
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIST_URLS = (
    "import json, os; from hub.sample_urls import sample_urls; "
    "print(json.dumps([[u.id, u.path] for u in sample_urls(os.environ['AUDIT_LANGUAGES']"
    ".split(','))]))"
)


def lighthouse(url: str, report: Path) -> dict:
    command = [
        str(ROOT / "node_modules" / ".bin" / "lighthouse"),
        url,
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={report}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    # Lighthouse sometimes loses the trace of a load (NO_NAVSTART) on a busy machine, twice
    # in a row on one page of the 2026-11-23 run: another attempt is what its message asks
    # for; a page failing every attempt is reported as such.
    for _attempt in range(ATTEMPTS):
        done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode == 0:
            break
    else:
        return {"error": done.stderr.decode(errors="replace").strip().splitlines()[-1:]}
    data = json.loads(report.with_suffix(".report.json").read_text())
    return {name: data["categories"][name]["score"] for name in CATEGORIES}


def median_scores(url: str, report: Path, runs: int) -> dict:
    """Each category's median over ``runs`` loads: Lighthouse's own advice against the
    variance of one run (its performance score moves with the machine's load)."""
    results = [lighthouse(url, report.with_name(f"{report.name}-{n}")) for n in range(runs)]
    scored = [result for result in results if "error" not in result]
    if not scored:
        return results[-1]
    return {name: statistics.median(result[name] for result in scored) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default="en,fr")
    parser.add_argument("--port", type=int, default=8013)
    parser.add_argument("--skip-setup", action="store_true", help="reuse bench/out/")
    parser.add_argument("--runs", type=int, default=1, help="loads per page; the median counts")
    parser.add_argument("--pages", nargs="*", help="only these page ids, e.g. homepage-fr")
    args = parser.parse_args()

    env = hub_env(cache=True)
    if not args.skip_setup:
        build_site(env)
    output = manage(
        "shell",
        "--no-imports",
        "-c",
        LIST_URLS,
        env={**env, "AUDIT_LANGUAGES": args.languages},
        capture=True,
    )
    urls = json.loads(output.strip().splitlines()[-1])
    if args.pages:
        urls = [(page_id, path) for page_id, path in urls if page_id in args.pages]
    reports = OUT / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    print(f"{'page':<28} " + " ".join(f"{name:>14}" for name in CATEGORIES))
    with Gunicorn(gunicorn, "hub.wsgi:application", args.port, ROOT, env) as base:
        for page_id, path in urls:
            scores = median_scores(base + path, reports / page_id, args.runs)
            if "error" in scores:
                print(f"{page_id:<28} failed: {scores['error']}")
                continue
            print(f"{page_id:<28} " + " ".join(f"{scores[n]:>14.2f}" for n in CATEGORIES))


if __name__ == "__main__":
    main()
