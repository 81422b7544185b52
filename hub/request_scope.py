"""Values kept for the length of one request, in a ``Local`` (safe under threads and async)."""

from contextlib import contextmanager


@contextmanager
def scoped(local, *names):
    """While the block runs ``local.active`` is set, so that readers may keep ``names`` on
    ``local``; afterwards they are forgotten: nothing leaks into the next request."""
    local.active = True
    try:
        yield
    finally:
        local.active = False
        for name in names:
            setattr(local, name, None)
