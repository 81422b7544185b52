"""The one place settings read the environment.

Every setting that can change between machines comes through these helpers, so the README's
table of variables and the code cannot drift apart: search for ``env_`` to list them all.
"""

import os

from django.core.exceptions import ImproperlyConfigured


class MissingSetting(ImproperlyConfigured):
    """A value production cannot start without."""


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_required(name: str, why: str) -> str:
    value = env_str(name)
    if value is None:
        # SystemExit prints exactly this line and stops manage.py, gunicorn or any importer:
        # a production process must never start on a guessed secret or host list.
        raise SystemExit(f"hub: the environment variable {name} is required in production ({why}).")
    return value


def env_pair(first: str, second: str, why: str) -> tuple[str | None, str | None]:
    """Two variables that only work together (a key and its secret): both, or neither."""
    values = env_str(first), env_str(second)
    if (values[0] is None) != (values[1] is None):
        raise SystemExit(f"hub: set both {first} and {second}, or neither ({why}).")
    return values


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    return default if value is None else int(value)


def env_float(name: str, default: float) -> float:
    value = env_str(name)
    return default if value is None else float(value)


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]
