"""A transport node for servers that speak Elasticsearch's protocol in plain JSON.

The official client sends ``application/vnd.elasticsearch+json; compatible-with=9`` as its
media type; osmem-server (the in-memory server of ``make run SEARCH=elasticsearch`` and of
the tests) answers 406 to it. This node class (elastic_transport's ``node_class`` extension
point, chosen with ``ELASTICSEARCH_NODE_CLASS``) sends plain JSON instead. A real
Elasticsearch cluster needs none of this.
"""

from elastic_transport import Urllib3HttpNode

PLAIN = {"accept": "application/json", "content-type": "application/json"}


class PlainJsonNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, request_timeout=None, headers=None):
        if headers:
            headers = headers.copy()
            for name in list(headers):
                value = headers[name]
                if name.lower() in PLAIN and "compatible-with" in value:
                    plain = "application/x-ndjson" if "ndjson" in value else PLAIN[name.lower()]
                    headers[name] = plain
        return super().perform_request(
            method, target, body=body, request_timeout=request_timeout, headers=headers
        )
