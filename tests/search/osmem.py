"""Transports for the tests' Elasticsearch clients talking to osmem-server.

``PlainJsonNode`` is the project's own (``search/engines/es_transport.py``: osmem-server
answers 406 to the client's compatibility media type). ``RecordingNode`` sends the same
requests and also notes what each carried, so a test can see which options reached the
client a path built, as the server receives them.
"""

from dataclasses import dataclass

from search.engines.es_transport import PlainJsonNode

__all__ = ["PlainJsonNode", "RecordingNode", "SentRequest"]


@dataclass(frozen=True)
class SentRequest:
    method: str
    target: str
    headers: dict  # lower-case names: the node's own headers and the request's
    timeout: float | None


class RecordingNode(PlainJsonNode):
    sent: list[SentRequest] = []

    def perform_request(self, method, target, body=None, request_timeout=None, headers=None):
        merged = {**dict(self.headers), **dict(headers or {})}
        RecordingNode.sent.append(
            SentRequest(method, target, {k.lower(): v for k, v in merged.items()}, request_timeout)
        )
        return super().perform_request(
            method, target, body=body, request_timeout=request_timeout, headers=headers
        )
