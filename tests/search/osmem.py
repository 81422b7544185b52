"""Test-only transport for the Elasticsearch client talking to osmem-server.

The official client always sends ``application/vnd.elasticsearch+json; compatible-with=9``;
osmem-server answers 406 to that media type. This node class (elastic_transport's
``node_class`` extension point) sends plain JSON instead. A real cluster needs none of this.
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
