"""The visitor's address, as login throttling (django-axes) keys on it.

Behind ``TRUSTED_PROXY_COUNT`` proxies every connection comes from the nearest proxy, so the
address is read from ``X-Forwarded-For``. Only the entries the trusted proxies appended count:
each proxy appends the address it received the request from, so with N proxies the client
is the N-th entry from the right. Anything to its left came from the client itself and is
ignored (otherwise an attacker could pick the address a lockout falls on, or lock everyone
out under the proxy's own address). django-ipware parses and normalises the header.
"""

from django.conf import settings

from ipware import get_client_ip


def client_address(request) -> str | None:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        # django-ipware counts the proxies listed in the header: the last proxy's own
        # address is the connection's, not in the header, hence N - 1.
        address, _routable = get_client_ip(
            request,
            proxy_count=proxies - 1,
            request_header_order=("HTTP_X_FORWARDED_FOR",),
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR")
