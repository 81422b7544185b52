"""``make run SEARCH=elasticsearch``: try the Elasticsearch engine on a local in-memory server.

A development aid only: production uses a real Elasticsearch cluster (README, "Search").
osmem-server (installed with the project's test extra, which ``make install`` includes)
speaks the Elasticsearch protocol and keeps everything in memory, so the indices are built
afresh at every start. This starts it in the background on a free port (or ``--addr``),
points the hub at it through the environment (``ELASTICSEARCH_URL``, and
``ELASTICSEARCH_NODE_CLASS``, since osmem-server answers plain JSON only), rebuilds the public
search index and Wagtail's admin index, runs the command given after ``--`` (the development
server) and stops osmem-server when that command ends.

    .venv/bin/python scripts/run_with_osmem.py -- .venv/bin/python manage.py runserver
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from osmem_server import OsmemServer

ROOT = Path(__file__).resolve().parent.parent
NODE_CLASS = "search.engines.es_transport.PlainJsonNode"


def hub_environment(url: str) -> dict[str, str]:
    """This process's environment pointed at ``url``; a real cluster's credentials and TLS
    settings are left out (osmem-server has neither)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH_")}
    return {**env, "ELASTICSEARCH_URL": url, "ELASTICSEARCH_NODE_CLASS": NODE_CLASS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--addr", default="127.0.0.1:0", help="where osmem-server listens (port 0: any free port)"
    )
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command to run")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    server = OsmemServer.start(japanese=False, addr=args.addr)
    try:
        note = "a development aid; production uses a real cluster"
        print(f"osmem-server at {server.url} ({note})", flush=True)
        env = hub_environment(server.url)
        manage = [sys.executable, str(ROOT / "manage.py")]
        steps = [
            [*manage, "rebuild_search_index", "--engine", "elasticsearch"],
            # Wagtail's own index, for the admin's search and choosers (it would list every model).
            [*manage, "update_index", "--verbosity", "0"],
        ]
        for step in steps:
            subprocess.run(step, env=env, cwd=ROOT, check=True)
        print("Wagtail's admin search index is built on osmem-server too.", flush=True)
        return subprocess.run(command, env=env, cwd=ROOT).returncode if command else 0
    except subprocess.CalledProcessError as error:
        return error.returncode
    except KeyboardInterrupt:  # Ctrl-C stops the development server and lands here
        return 0
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
