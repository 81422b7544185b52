"""The OpenAPI 3.1 description of the public JSON API, served at ``/api/schema/``.

Built in code from the constants the API itself reads (``FACETS``, the facets' fixed keys,
page limits, the configured languages), so the description cannot drift from the parser:
CI sends schemathesis at a live server with this document and fails on any answer that does
not match it. Other apps add endpoints through ``FRAGMENTS``: dotted paths of modules with
``paths()`` and ``schemas()`` returning OpenAPI fragments, which may reference the shared
parameters here as ``#/components/parameters/<URL parameter>``.
"""

from __future__ import annotations

from django.utils.module_loading import import_string

from search.api import AUTOCOMPLETE_LIMIT
from search.documents import FACETS
from search.engines.base import MAX_TEXT_LENGTH

from .parameters import parameters
from .schemas import components, json_answer

# Modules (dotted paths) whose ``paths()`` and ``schemas()`` join the document.
FRAGMENTS: list[str] = []

VERSION = "1.0.0"


def _preflight(operation_id: str) -> dict:
    return {
        "operationId": operation_id,
        "summary": "CORS preflight",
        "responses": {"204": {"$ref": "#/components/responses/Preflight"}},
    }


def _get(operation_id: str, summary: str, answer: str, params: list[dict], examples) -> dict:
    operation = {
        "operationId": operation_id,
        "summary": summary,
        "parameters": params,
        "responses": {"200": json_answer(answer, "The answer.")},
        "x-example-requests": examples,
    }
    if params:
        operation["responses"]["400"] = {"$ref": "#/components/responses/BadRequest"}
    return operation


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


def paths() -> dict:
    search_params = [
        *("q", "lang", "sort", "page", "page_size", "all_languages", "as_typed"),
        *FACETS,
    ]
    autocomplete_q = {
        "name": "q",
        "in": "query",
        "description": (
            f"The start of a title; the last word is a prefix. Over {MAX_TEXT_LENGTH} "
            "characters is a 400."
        ),
        "schema": {"type": "string", "maxLength": MAX_TEXT_LENGTH},
        "example": "facil",
    }
    return {
        "/api/search/": {
            "get": _get(
                "search",
                "Search stories, lessons, resources, partners and collaboratives",
                "SearchAnswer",
                [_ref(name) for name in search_params],
                [
                    "/api/search/?q=facilitation&lang=en",
                    "/api/search/?q=budget&country=BD&country=KE&kind=lesson&sort=newest",
                    "/api/search/?region=202&lang=fr&page_size=5",
                ],
            ),
            "options": _preflight("search_preflight"),
        },
        "/api/search/autocomplete/": {
            "get": _get(
                "autocomplete",
                f"Up to {AUTOCOMPLETE_LIMIT} titles starting with what was typed",
                "AutocompleteAnswer",
                [autocomplete_q, _ref("lang")],
                ["/api/search/autocomplete/?q=facil&lang=fr"],
            ),
            "options": _preflight("autocomplete_preflight"),
        },
        "/api/schema/": {
            "get": _get("schema", "This description", "OpenAPIDocument", [], ["/api/schema/"]),
        },
    }


DESCRIPTION = (
    "The hub's public, read-only JSON API. Every answer carries "
    "`Access-Control-Allow-Origin: *`, and OPTIONS answers the CORS preflight, so any "
    "website may call it. Any other method than GET, HEAD and OPTIONS answers 405 with "
    "the error shape. A parameter name an endpoint does not take, or a value out of bounds, "
    'answers 400 with `{"error": {"parameter", "message"}, "errors": [...]}`; '
    "unknown filter values are ignored and named in `warnings`. Messages are in `lang`."
)


def document(base_url: str = "") -> dict:
    """The whole description; ``base_url`` (scheme and host) becomes its server."""
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "Knowledge Hub API", "version": VERSION, "description": DESCRIPTION},
        "paths": paths(),
        "components": components(parameters()),
    }
    if base_url:
        doc["servers"] = [{"url": base_url}]
    for dotted in FRAGMENTS:
        _merge(doc, dotted)
    return doc


def _merge(doc: dict, dotted: str) -> None:
    """Add a fragment module's paths and schemas; a name already taken is a mistake."""
    for part, target in (("paths", doc["paths"]), ("schemas", doc["components"]["schemas"])):
        added = import_string(f"{dotted}.{part}")()
        clash = sorted(set(added) & set(target))
        if clash:
            raise ValueError(f"{dotted}.{part}() redefines {', '.join(clash)}")
        target.update(added)
