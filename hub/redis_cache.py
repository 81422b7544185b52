"""Django's Redis cache, which a Redis that is down does not take the site down with it.

Every request reads the content version and looks pages up in the cache; with Django's own
backend an unreachable Redis turns each of those reads into an exception, so every page would
answer 500. Here a failing Redis behaves like an empty cache that keeps nothing: reads miss,
writes are dropped, pages are rendered from the database (slower, still correct) and a warning
is logged once per outage (and once when it is back). After a failure the process leaves
Redis alone for ``RETRY_SECONDS`` rather than paying a connection timeout on every cache call
of every request, then tries again.

``incr`` is the exception: the content version must not silently stay behind, so it raises
``CacheUnavailable`` and ``hub.content_version`` retries the bump once Redis answers.
``ping()`` says whether Redis answers now (health checks).
"""

import functools
import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class CacheUnavailable(Exception):
    """The cache could not record a write that must not be lost."""


def _without_secrets(location: str) -> str:
    """``redis://:password@host:6379/0`` -> ``redis://host:6379/0``."""
    parts = urlsplit(location)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def _unless_down(fallback):
    """Call the method while Redis answers; otherwise answer ``fallback(*args, **kwargs)``."""

    def decorate(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            if not self._answering():
                return fallback(*args, **kwargs)
            try:
                answer = method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self._went_down(error)
                return fallback(*args, **kwargs)
            self._answered()
            return answer

        return guarded

    return decorate


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, version=None):
    return default


class _Outage:
    """Whether one Redis is taken as down, shared by every cache alias and thread that uses it
    (Django makes a cache object per alias and per thread)."""

    def __init__(self, where: str):
        self.where = where
        self.until = 0.0  # monotonic time before which Redis is not tried
        self.ongoing = False
        self.lock = threading.Lock()

    def answering(self) -> bool:
        return time.monotonic() >= self.until

    def ended(self) -> None:
        if self.ongoing:
            self.ongoing = False
            logger.warning("Redis at %s answers again: the cache is back.", self.where)

    def began(self, error: Exception) -> None:
        with self.lock:
            first = not self.ongoing
            self.ongoing = True
            self.until = time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning(
                "Redis at %s does not answer (%s): serving without the cache, trying again "
                "every %.0f s.",
                self.where,
                type(error).__name__,
                RETRY_SECONDS,
            )


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_of(servers: list[str]) -> _Outage:
    where = ", ".join(_without_secrets(server) for server in servers)
    with _outages_lock:
        return _outages.setdefault(where, _Outage(where))


class ForgivingRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that survives Redis being down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._outage = _outage_of(self._servers)

    def _answering(self) -> bool:
        return self._outage.answering()

    def _answered(self) -> None:
        self._outage.ended()

    def _went_down(self, error: Exception) -> None:
        self._outage.began(error)

    def ping(self) -> bool:
        """Whether Redis answers now (one round trip; never raises)."""
        try:
            return bool(self._cache.get_client(None, write=True).ping())
        except UNREACHABLE:
            return False

    get = _unless_down(_default)(RedisCache.get)
    set = _unless_down(_nothing)(RedisCache.set)
    add = _unless_down(_false)(RedisCache.add)
    touch = _unless_down(_false)(RedisCache.touch)
    delete = _unless_down(_false)(RedisCache.delete)
    has_key = _unless_down(_false)(RedisCache.has_key)
    get_many = _unless_down(lambda *args, **kwargs: {})(RedisCache.get_many)
    set_many = _unless_down(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    delete_many = _unless_down(_nothing)(RedisCache.delete_many)
    clear = _unless_down(_false)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        if not self._answering():
            raise CacheUnavailable("Redis does not answer")
        try:
            value = super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._went_down(error)
            raise CacheUnavailable("Redis does not answer") from error
        self._answered()
        return value
