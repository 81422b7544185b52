"""The one place the Elasticsearch client is built, and described when something goes wrong.

Every path that talks to the cluster takes its options from here: the public search engine
(searching, indexing on publish, ``rebuild_search_index``, ``ping`` for health checks) and
Wagtail's admin search backend (``search/wagtail_backend.py``). The settings come from the
environment (``hub/settings/base.py``, README's table): credentials, TLS, timeout, retries,
the transport's node class, and ``SEARCH_ENGINE_OPTIONS`` for any other client keyword.

Secrets (the API key, the password, a password written into the URL) never leave this
module in a message: ``where`` and ``describe`` name the cluster without them, and
``explain`` turns a failure into one line with any secret masked.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TlsError, TransportError
from elasticsearch import ApiError, AuthenticationException, AuthorizationException, Elasticsearch

from search.engines.base import SearchUnavailable

PLAIN_JSON_HINT = (
    "a server that speaks plain JSON only (osmem-server) needs "
    "ELASTICSEARCH_NODE_CLASS=search.engines.es_transport.PlainJsonNode"
)
CLIENTS_KEPT = 8
_clients: OrderedDict[str, Elasticsearch] = OrderedDict()
_clients_lock = threading.Lock()


def client_options() -> dict:
    """Keyword arguments of ``Elasticsearch(...)`` from the settings (without the URL)."""
    api_key = settings.ELASTICSEARCH_API_KEY
    username, password = settings.ELASTICSEARCH_USERNAME, settings.ELASTICSEARCH_PASSWORD
    if api_key and (username or password):
        raise ImproperlyConfigured(
            "Set ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD, "
            "not both."
        )
    if bool(username) != bool(password):
        raise ImproperlyConfigured("ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD go together.")
    options: dict = {
        "request_timeout": settings.ELASTICSEARCH_TIMEOUT,
        "max_retries": settings.ELASTICSEARCH_MAX_RETRIES,
    }
    if api_key:
        options["api_key"] = api_key
    elif username:
        options["basic_auth"] = (username, password)
    if settings.ELASTICSEARCH_CA_CERTS:
        options["ca_certs"] = settings.ELASTICSEARCH_CA_CERTS
    if settings.ELASTICSEARCH_CA_FINGERPRINT:
        options["ssl_assert_fingerprint"] = settings.ELASTICSEARCH_CA_FINGERPRINT
    if settings.ELASTICSEARCH_NODE_CLASS:
        options["node_class"] = node_class(settings.ELASTICSEARCH_NODE_CLASS)
    options.update(settings.SEARCH_ENGINE_OPTIONS)
    return options


def node_class(name):
    """A dotted path names a class; a plain name ("urllib3", "requests") is the client's; a
    settings module may also give the class itself."""
    return import_string(name) if isinstance(name, str) and "." in name else name


def get_client(url: str | None = None, **overrides) -> Elasticsearch:
    """The client for ``url`` (default ``ELASTICSEARCH_URL``); ``overrides`` win over the
    settings (the tests and the benchmark point engines at servers of their own this way).

    Clients are shared per configuration (they are thread-safe): an engine is made for every
    search, and a client of its own cost it 2 ms to build plus a new connection (median of a
    search on osmem-server: 7.2 ms with a fresh client, 5.6 ms with a shared one). A
    deployment has one configuration; the few kept cover tests that use many servers.
    """
    url = url or settings.ELASTICSEARCH_URL
    if not url:
        raise ImproperlyConfigured("ELASTICSEARCH_URL is not set.")
    options = {**client_options(), **overrides}
    key = repr((url, sorted(options.items())))
    with _clients_lock:
        client = _clients.pop(key, None) or Elasticsearch(url, **options)
        _clients[key] = client
        while len(_clients) > CLIENTS_KEPT:
            _clients.popitem(last=False)[1].close()
    return client


def where(url: str | None = None) -> str:
    """The cluster's URL without user, password or query: safe to print."""
    parts = urlsplit(url or settings.ELASTICSEARCH_URL or "")
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", ""))


def describe(url: str | None = None) -> str:
    """Where the cluster is and how the hub authenticates to it, without the secrets."""
    if settings.ELASTICSEARCH_API_KEY:
        details = ["API key"]
    elif settings.ELASTICSEARCH_USERNAME:
        details = [f"user {settings.ELASTICSEARCH_USERNAME}"]
    elif urlsplit(url or settings.ELASTICSEARCH_URL or "").password:
        details = ["user and password from the URL"]
    else:
        details = ["no credentials"]
    if settings.ELASTICSEARCH_CA_CERTS:
        details.append(f"CA certificate {settings.ELASTICSEARCH_CA_CERTS}")
    if settings.ELASTICSEARCH_CA_FINGERPRINT:
        details.append("CA fingerprint")
    return f"{where(url)} ({', '.join(details)})"


def check(client: Elasticsearch, url: str | None = None) -> str:
    """Ask the cluster who it is: its name, product and version, or ``SearchUnavailable``
    with one line saying why it cannot be used."""
    try:
        info = client.info().body
    except (TransportError, ApiError) as error:
        raise SearchUnavailable(explain(error, url)) from error
    version = info.get("version") or {}
    product = version.get("distribution", "elasticsearch")
    return f'cluster "{info.get("cluster_name", "?")}", {product} {version.get("number", "?")}'


def explain(error: Exception, url: str | None = None) -> str:
    """One line for a failed call: what went wrong with which cluster, and what to check."""
    at = where(url)
    if isinstance(error, ConnectionTimeout):
        text = (
            f"Elasticsearch at {at} did not answer within {settings.ELASTICSEARCH_TIMEOUT} s "
            "(ELASTICSEARCH_TIMEOUT)."
        )
    elif isinstance(error, TlsError):
        text = (
            f"TLS verification failed for Elasticsearch at {at} ({_reason(error)}): "
            "check ELASTICSEARCH_CA_CERTS or ELASTICSEARCH_CA_FINGERPRINT."
        )
    elif isinstance(error, TransportConnectionError):
        text = f"Cannot reach Elasticsearch at {at}: {_reason(error)}."
    elif isinstance(error, AuthenticationException):
        text = (
            f"Elasticsearch at {at} refused the credentials (HTTP 401): check "
            "ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD."
        )
    elif isinstance(error, AuthorizationException):
        text = (
            f"Elasticsearch at {at} does not allow these credentials (HTTP 403): {_reason(error)}."
        )
    elif isinstance(error, ApiError):
        text = f"Elasticsearch at {at} answered HTTP {error.meta.status}: {_reason(error)}"
        text += f"; {PLAIN_JSON_HINT}." if error.meta.status == 406 else "."
    else:
        text = f"Elasticsearch at {at} failed: {error}"
    return redact(" ".join(text.split()))


def _reason(error: Exception) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict) and body.get("error"):
        reason = body["error"]
        if isinstance(reason, dict):
            return str(reason.get("reason") or reason.get("type"))
        return str(reason)
    message = str(getattr(error, "message", "") or error)
    # "HTTPConnection(host='…', port=9200): Failed to …: [Errno 111] Connection refused"
    reason = message.rsplit("): ", 1)[-1].rsplit(": ", 1)[-1]
    return re.sub(r"\[Errno -?\d+\] ", "", reason).strip().lower() or "no details"


def redact(text: str) -> str:
    """``text`` with every configured secret replaced by ``***``."""
    secrets = [
        settings.ELASTICSEARCH_API_KEY,
        settings.ELASTICSEARCH_PASSWORD,
        urlsplit(settings.ELASTICSEARCH_URL or "").password,
    ]
    for secret in filter(None, secrets):
        text = text.replace(secret, "***")
    return text
