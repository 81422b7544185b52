"""Wagtail's Elasticsearch 9 search backend (the admin and the choosers), with the client
options every other path uses (``search/engines/es_client.py``): credentials, TLS, timeout,
retries and the transport's node class. Selected in settings by ``WAGTAILSEARCH_BACKENDS``
when ``ELASTICSEARCH_URL`` is set; the backend's own ``OPTIONS`` still win."""

from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search.engines.es_client import client_options


class SearchBackend(Elasticsearch9SearchBackend):
    def __init__(self, params):
        options = {**client_options(), **params.get("OPTIONS", {})}
        params = {"TIMEOUT": options["request_timeout"], **params, "OPTIONS": options}
        super().__init__(params)
