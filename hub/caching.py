"""The anonymous-page cache: whole public responses, invalidated by a site-wide version.

Most visitors are anonymous and read the same pages, so the hub stores each anonymous
page response once and serves it until anything that could change a page happens. Rather
than working out which pages a change touches (menus, listings, translations and
related-content blocks make that fragile), the content version (``hub.content_version``:
it goes up on every publish, unpublish, move or delete) is part of every cache key: a
published change is visible at once, and the old entries simply age out.

What is never cached: requests from logged-in users or carrying a session, anything other
than GET/HEAD, responses other than 200, responses that set cookies or use a CSRF token
(forms), and responses that already say how to cache themselves. Those responses get
``Cache-Control: private, no-store`` when they are for a logged-in user.

The cache alias (``PAGE_CACHE_ALIAS``, "pages") must be shared by all server processes,
or one process would keep serving what another invalidated: production uses Redis when
``REDIS_URL`` is set and a file-based cache otherwise (a deploy check warns about a
per-process cache).
"""

import hashlib

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register
from django.utils.cache import patch_cache_control

from .content_version import current_version, shared_cache

MAX_QUERY_LENGTH = 512  # longer query strings are served but not stored


def _key(request, version: int) -> str:
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"hub:page:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if _has_session(request) or request.user.is_authenticated:
        return False
    if request.path.startswith(tuple(getattr(settings, "PAGE_CACHE_EXCLUDE", ()))):
        return False
    return len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH


def _is_cacheable_response(request, response) -> bool:
    session = getattr(request, "session", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not (session is not None and session.modified)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Cache-Control")
    )


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous page responses; mark everything personal as private.

    Sits after the authentication middleware (it needs ``request.user``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", True):
            return self.get_response(request)
        if not _is_cacheable_request(request):
            response = self.get_response(request)
            if request.user.is_authenticated or _has_session(request):
                # A page rendered for someone must never be stored by a browser or proxy
                # for someone else.
                patch_cache_control(response, private=True, no_store=True)
            return response

        cache = shared_cache()  # beside the content version
        key = _key(request, current_version())
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached

        response = self.get_response(request)
        if _is_cacheable_response(request, response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_BROWSER_MAX_AGE)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        elif request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
            patch_cache_control(response, private=True, no_store=True)
        return response


@register(deploy=True)
def check_shared_page_cache(app_configs, **kwargs):
    """A per-process cache would let one server process serve pages another invalidated."""
    alias = getattr(settings, "PAGE_CACHE_ALIAS", "default")
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    if getattr(settings, "PAGE_CACHE_ENABLED", True) and backend.endswith("LocMemCache"):
        return [
            CheckWarning(
                f"The page cache '{alias}' is per process (LocMemCache).",
                hint="Set REDIS_URL or use a file-based cache shared by all server processes.",
                id="hub.W001",
            )
        ]
    return []
