"""Absolute URLs: the configured public address in production, the visitor's host otherwise.

Wagtail builds a page's full URL from its Site record (host name and port), which in
development says ``localhost:80`` whatever address the server answers on, so links in
search results, canonical and hreflang tags pointed at a port nobody listens on. Every
absolute URL the hub emits goes through ``absolute_url``: ``HUB_PUBLIC_URL`` when it is set
(production: one address, whatever proxy or host name the request came through), else the
host and port of the request itself, else ``WAGTAILADMIN_BASE_URL`` (e-mails, commands).

Search documents store site-relative paths (``site_path``) so that the index holds no host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def public_base(request=None) -> str:
    """Scheme and authority without a trailing slash, e.g. ``https://hub.example.org``."""
    configured = getattr(settings, "HUB_PUBLIC_URL", None)
    if configured:
        return configured.rstrip("/")
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(url: str, request=None) -> str:
    """``url`` (a site-relative path, or an absolute URL on this site) made absolute."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        # A URL built from the Site record: keep its path, replace the address.
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        url += f"#{parts.fragment}" if parts.fragment else ""
    if not url.startswith("/"):
        url = "/" + url
    return public_base(request) + url


def site_path(page, request=None) -> str:
    """The page's path from the site root ("/en/stories/…"), or "" if no site serves it."""
    parts = page.get_url_parts(request=request)
    if parts is None or parts[2] is None:
        return ""
    return parts[2]


def follow_public_url(**kwargs):
    """``post_migrate``: the default Site takes the host name and port of ``HUB_PUBLIC_URL``,
    so that Wagtail's own views (the admin's "view live", previews) agree with the hub, and
    the site's name when it has none (the admin's dashboard would greet people with the host
    name, "localhost")."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    changed = False
    if not site.site_name:
        site.site_name, changed = settings.WAGTAIL_SITE_NAME, True
    configured = getattr(settings, "HUB_PUBLIC_URL", None)
    if configured:
        parts = urlsplit(configured)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if (site.hostname, site.port) != (parts.hostname, port):
            site.hostname, site.port, changed = parts.hostname, port, True
    if changed:
        site.save()
