"""One number for "the public content as it is now", shared by every server process.

It goes up on every publish, unpublish, move or delete of a page and on every save or delete
of a site, locale, theme or view restriction (and of the snippets content apps name with
``invalidate_on``). Whatever is kept across requests and shows content carries it in its
cache key: the anonymous-page cache (``hub.caching``), the lookups remembered for routing and
rendering (``hub.remembered``), search's browse counts and vectors. A change makes all of them
stale at once, and the old entries simply age out.

The number lives in the page cache's alias, which every process shares (Redis, or files).
A request reads it once (``ContentVersionMiddleware``): one round trip to the shared cache
instead of one per remembered lookup, and one consistent view of the content per response.

While that cache does not answer (Redis down: ``hub.redis_cache``), each request gets a
version of its own, which nothing was kept under: every page is rendered afresh and every
process reloads what it keeps, so nothing stale is served. A bump that could not be written
is written by this process as soon as the cache answers again, before anything is read under
the old number.
"""

import secrets
import threading

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from asgiref.local import Local

from .redis_cache import CacheUnavailable
from .request_scope import scoped

VERSION_KEY = "hub:pages:version"

_request = Local()
# A bump the cache could not take (Redis down), owed before this process reads a version.
_owed = threading.Event()


def shared_cache():
    """The cache every server process shares (``PAGE_CACHE_ALIAS``)."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current_version() -> int:
    """The version, read once per request inside ``request_scope`` and every time outside."""
    version = getattr(_request, "version", None)
    if version is None:
        if _owed.is_set():
            _incr()
        cache = shared_cache()
        version = cache.get(VERSION_KEY) if not _owed.is_set() else None
        if version is None:
            version = _start_version(cache)
        if getattr(_request, "active", False):
            _request.version = version
    return version


def request_scope():
    """Keep the version read first for the rest of one request."""
    return scoped(_request, "version")


def _start_version(cache) -> int:
    """A first value no earlier version used: a cache that evicts the key (a file cache
    culling entries, Redis under memory pressure) must not bring back old entries."""
    # add() so that two processes starting together agree on the first value.
    cache.add(VERSION_KEY, secrets.randbits(40), timeout=None)
    version = cache.get(VERSION_KEY)
    # None: the cache keeps nothing now (Redis down). A number nothing was stored under.
    return secrets.randbits(40) if version is None else version


def _incr() -> None:
    # The request that made the change reads the new version from here on.
    _request.version = None
    cache = shared_cache()
    try:
        cache.incr(VERSION_KEY)
    except CacheUnavailable:
        _owed.set()  # current_version() tries again before it reads
        return
    except ValueError:  # no version: start a fresh one
        _start_version(cache)
    _owed.clear()


def bump_version(**_kwargs) -> None:
    """Make everything kept under the current version stale.

    Once now, so that this process sees the change at once, and once more when the
    transaction commits: a page another process rendered in between still read the old
    rows, and must not be kept under the new version.
    """
    _incr()
    transaction.on_commit(_incr)


def invalidate_on(*models) -> None:
    """Bump the version whenever one of these models is saved or deleted.

    For content that pages show but that is not a page itself (snippets such as themes,
    sites, locales, redirects). Content apps call this for their own snippets.
    """
    for model in models:
        post_save.connect(bump_version, sender=model, weak=False)
        post_delete.connect(bump_version, sender=model, weak=False)


def connect_signals() -> None:
    from wagtail.models import Locale, Page, PageViewRestriction, Site

    from .models import Theme

    page_published.connect(bump_version, weak=False, dispatch_uid="hub_cache_published")
    page_unpublished.connect(bump_version, weak=False, dispatch_uid="hub_cache_unpublished")
    post_page_move.connect(bump_version, weak=False, dispatch_uid="hub_cache_moved")
    # Deleting a page sends post_delete for the concrete class and for Page itself.
    post_delete.connect(bump_version, sender=Page, weak=False, dispatch_uid="hub_cache_deleted")
    # A restriction added to a page already stored must take it out for anonymous visitors.
    invalidate_on(Site, Locale, Theme, PageViewRestriction)


class ContentVersionMiddleware:
    """Reads the content version at most once per request (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            return self.get_response(request)
