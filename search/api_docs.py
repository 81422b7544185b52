"""The API's own description: ``/api/schema/`` (OpenAPI 3.1, JSON) and ``/api/``, a reference
page for people rendered from the same document (no script, nothing from another host)."""

from __future__ import annotations

import json
import re

from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from hub.public_url import public_base
from search import openapi
from search.api import cors, error_response, reject_nul
from search.params import parse

# Enumerations longer than this are shown folded, behind a disclosure.
SHORT_LIST = 12


@cors
@reject_nul
def api_schema(request):
    return JsonResponse(
        openapi.document(public_base(request)), json_dumps_params={"ensure_ascii": False}
    )


def _inline(text: str) -> str:
    """Plain text with `code` spans, as the document's descriptions are written."""
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text)))  # noqa: S308


def _resolve(doc: dict, item: dict) -> dict:
    """``item`` itself, or what its ``$ref`` (``#/components/...``) points to."""
    while "$ref" in item:
        node = doc
        for part in item["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        item = node
    return item


def _type_of(schema: dict) -> str:
    if schema.get("type") == "array":
        return f"{_type_of(schema['items'])}, repeatable"
    kind = schema.get("type", "object")
    return " or ".join(kind) if isinstance(kind, list) else kind


def _parameter(doc: dict, item: dict) -> dict:
    parameter = _resolve(doc, item)
    schema = parameter["schema"]
    values = schema.get("items", schema)
    example = parameter.get("example")
    limits = [
        f"{word} {schema[key]}"
        for key, word in (("minimum", "min"), ("maximum", "max"), ("maxItems", "max values"))
        if key in schema
    ]
    if "maxLength" in values:
        limits.append(f"max {values['maxLength']} characters")
    if "pattern" in values:
        limits.append(f"pattern {values['pattern']}")
    return {
        "name": parameter["name"],
        "type": _type_of(schema),
        "description": _inline(parameter.get("description", "")),
        "default": schema.get("default"),
        "values": values.get("enum", []),
        "folded": len(values.get("enum", [])) > SHORT_LIST,
        "limits": limits,
        "example": example[0] if isinstance(example, list) else example,
    }


def _field_type(schema: dict) -> str:
    if schema.get("type") == "array":
        return f"list of {_type_of(schema['items'])}"
    return _type_of(schema)


def _fields(doc: dict, schema: dict) -> list[dict]:
    fields = []
    for name, field in schema.get("properties", {}).items():
        target = field.get("items", field)
        reference = target.get("$ref", "").rsplit("/", 1)[-1]
        fields.append(
            {
                "name": name,
                "type": reference or _field_type(_resolve(doc, field)),
                "of": reference,
                "many": field.get("type") == "array",
                "description": _inline(field.get("description", "")),
            }
        )
    return fields


def reference_context(doc: dict) -> dict:
    """What the page shows, in the document's order."""
    endpoints = []
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            if method != "get":
                continue
            responses = []
            for status, response in operation["responses"].items():
                response = _resolve(doc, response)
                content = response.get("content", {}).get("application/json", {})
                name = content.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
                responses.append(
                    {
                        "status": status,
                        "description": _inline(response["description"]),
                        "schema": name,
                    }
                )
            endpoints.append(
                {
                    "id": operation["operationId"],
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "parameters": [_parameter(doc, p) for p in operation.get("parameters", [])],
                    "responses": responses,
                    "examples": operation.get("x-example-requests", []),
                    "preflight": "options" in item,
                }
            )
    schemas = [
        {
            "name": name,
            "description": _inline(schema.get("description", "")),
            "fields": _fields(doc, schema),
        }
        for name, schema in doc["components"]["schemas"].items()
    ]
    responses = doc["components"]["responses"]
    return {
        "doc": doc,
        "description": _inline(doc["info"]["description"]),
        "endpoints": endpoints,
        "schemas": schemas,
        "errors": {
            "bad_request": _inline(responses["BadRequest"]["description"]),
            "method_not_allowed": _inline(responses["MethodNotAllowed"]["description"]),
            "sample": _sample_error(),
        },
    }


def _sample_error() -> str:
    """A real 400 answer of the search API, as the parser words it."""
    with translation.override("en"):
        errors = parse(QueryDict("page_size=101"), "en").errors
    return json.dumps(json.loads(error_response(errors).content), indent=1, ensure_ascii=False)


@require_safe
def api_reference(request):
    doc = openapi.document(public_base(request))
    response = render(request, "search/api_reference.html", reference_context(doc))
    # Its words follow the visitor's Accept-Language on one address: the page cache keys
    # on the address alone, so the page says how to cache itself and stays out of it.
    patch_cache_control(response, public=True, max_age=300)
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response
