"""Security middleware of the hub: the Content-Security-Policy and the admin's host.

A small middleware rather than a library: the hub needs exactly two policies (a strict one
for public pages, a relaxed one for Wagtail's admin, whose scripts and styles include inline
code) and one host check, and both are easier to read here than spread over settings.
"""

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve, reverse

from hub.storage import public_origin


def _policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(values)}".strip() for name, values in directives.items())


def _extra_img_src() -> list[str]:
    """CSP_EXTRA_IMG_SRC, and the bucket or CDN images come from with object storage."""
    origin = public_origin()
    return [*getattr(settings, "CSP_EXTRA_IMG_SRC", []), *([origin] if origin else [])]


def public_policy() -> str:
    """No inline scripts, no third-party hosts: public pages ship one stylesheet and HTML.

    JSON-LD sits in ``<script type="application/ld+json">``: browsers never execute that
    type, so it needs no ``unsafe-inline`` (the browser tests check no violation is reported).
    """
    extra_img = _extra_img_src()
    return _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'"],
            "img-src": ["'self'", "data:", *extra_img],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'none'"],
        }
    )


def admin_policy() -> str:
    """Wagtail's admin uses inline scripts and styles, previews in same-origin frames and
    embeds from the providers editors choose; it is still kept away from being framed by
    other sites and from plugins."""
    extra_img = _extra_img_src()
    return _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:", "blob:", "https:", *extra_img],
            "media-src": ["'self'", "https:"],
            "frame-src": ["'self'", "https:"],
            "font-src": ["'self'", "data:"],
            "connect-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        }
    )


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy (unless a view set its own) to every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public = public_policy()
        self.admin = admin_policy()

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            in_admin = request.path.startswith(admin_prefix())
            response["Content-Security-Policy"] = self.admin if in_admin else self.public
        return response


class AdminHostMiddleware:
    """The admin answers only on the hosts in ``ADMIN_HOSTS`` (all hosts when it is empty).

    Editors' accounts open an organisation's public voice; serving the admin on one host
    lets operators put that host behind a VPN or an extra proxy rule. Other hosts get a
    plain 404, as if there were no admin at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hosts = getattr(settings, "ADMIN_HOSTS", [])
        if hosts and request.path.startswith(admin_prefix()):
            domain, _port = split_domain_port(request.get_host())
            if domain not in hosts:
                raise Http404("No admin on this host.")
        return self.get_response(request)


class RejectNulBytesMiddleware:
    """Answer 400 to a query string carrying a NUL character.

    No form of the hub produces one, and PostgreSQL refuses NUL in text values, so such a
    request would otherwise fail deep inside a filter with a database error. Views marked
    ``answers_nul`` (the JSON API) refuse it themselves, in the format their clients read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            if _answers_nul(request.path_info):
                return self.get_response(request)
            return HttpResponseBadRequest(
                "The address contains a NUL character, which no search or filter accepts.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _answers_nul(path: str) -> bool:
    try:
        return getattr(resolve(path).func, "answers_nul", False)
    except Resolver404:
        return False
