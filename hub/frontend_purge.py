"""Purging a caching proxy in front of the hub, with a time limit.

Wagtail's ``HTTPBackend`` sends each PURGE without a timeout: a proxy that accepts the
connection and never answers would hold a worker (or, with the immediate task backend,
the editor's publish) for ever. This backend sends the same request and gives up after
``TIMEOUT`` seconds (``FRONTEND_CACHE_PURGE_TIMEOUT``), logging the failure as Wagtail does:
the page is still published, and the proxy's own expiry ends the stale copy.
"""

import logging
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")


class TimedHTTPBackend(HTTPBackend):
    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 5))
        super().__init__(params)

    def purge(self, url):
        parsed = urlsplit(url)
        host = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        target = urlunsplit(
            [self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, parsed.fragment]
        )
        request = PurgeRequest(
            url=target, headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"}
        )
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310  (the configured proxy)
        except HTTPError as error:
            logger.error("Couldn't purge '%s' from HTTP cache. HTTPError: %d", url, error.code)
        except OSError as error:  # URLError, a refused connection, the time limit
            logger.error("Couldn't purge '%s' from HTTP cache: %s", url, error)
