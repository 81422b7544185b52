"""Production settings refuse to start without their secrets and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LONG_SECRET = "k3J9-x0Qz_Lm7vR2pW8sT4yN6bH1cF5dG0aE9uI3oP7qS2wX4zV8"


def run_manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    base.update(DJANGO_SETTINGS_MODULE="hub.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "hub.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": LONG_SECRET}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_a_secret(env, missing):
    result = run_manage("check", **env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert missing in lines[0] and "required in production" in lines[0]


def test_production_passes_the_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=LONG_SECRET,
        ALLOWED_HOSTS="hub.example.org",
        AXES_PROXY_COUNT="1",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
