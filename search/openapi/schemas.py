"""``components`` of the API description other than parameters: the answers' shapes (strict:
no field left undocumented), the CORS header and the shared responses."""

from __future__ import annotations

from search.api import AUTOCOMPLETE_LIMIT
from search.documents import FACETS, KINDS
from search.engines.base import MAX_PAGE_SIZE
from search.languages import language_codes

CORS_HEADER = {"$ref": "#/components/headers/Access-Control-Allow-Origin"}


def _nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"]}


def _object(properties: dict, description: str = "") -> dict:
    schema = {
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }
    return {**schema, "description": description} if description else schema


def schemas() -> dict:
    """``components/schemas``: every answer's shape, strict (no field left undocumented)."""
    languages = {"type": "string", "enum": language_codes()}
    kind = {"type": "string", "enum": list(KINDS)}
    url = {"type": "string", "format": "uri"}
    text = {"type": "string"}
    message = _object(
        {"parameter": _nullable(text), "message": text},
        "The parameter at fault (null when none is) and what is wrong, in plain words.",
    )
    facet_value = {
        "value": text,
        "label": text,
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    }
    facets = {
        facet: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
        for facet in FACETS
    }
    facets["region"] = {"type": "array", "items": {"$ref": "#/components/schemas/RegionValue"}}
    return {
        "ErrorMessage": message,
        "Error": _object(
            {
                "error": {"$ref": "#/components/schemas/ErrorMessage"},
                "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ErrorMessage"}},
            },
            "`error` is the first problem; `errors` lists every one.",
        ),
        "SearchResult": _object(
            {
                "kind": kind,
                "title": text,
                "url": url,
                "locale": languages,
                "date": _nullable(
                    {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}
                ),
                "snippet": {**text, "description": "Escaped HTML, `<mark>` around matches."},
                "partner": _nullable(text),
                "countries": {"type": "array", "items": {"type": "string"}},
            },
            "One result. `date` is a year, a month or a day (`2019`, `2021-03`, "
            "`2024-06-13`); `countries` are ISO 3166-1 alpha-2 codes.",
        ),
        "FacetValue": _object(facet_value, "One value of a facet, its label in `lang`."),
        "RegionValue": _object(
            {**facet_value, "level": {"type": "integer", "enum": [0, 1, 2]}},
            "Regions come as an outline, each followed by what it holds: `level` 0 region, "
            "1 sub-region or grouping, 2 intermediate region.",
        ),
        "SearchAnswer": _object(
            {
                "query": {**text, "description": "The query as searched (cut if too long)."},
                "total": {"type": "integer", "minimum": 0},
                "page": {"type": "integer", "minimum": 1},
                "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                "results": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/SearchResult"},
                },
                "facets": _object(
                    facets,
                    "Every facet, its counts disjunctive (a facet's counts ignore its own "
                    "selection); a selected value is listed even at zero.",
                ),
                "suggestion": _nullable({**text, "description": "Did you mean…"}),
                "showing_results_for": _nullable(
                    {**text, "description": "The corrected query the results answer."}
                ),
                "degraded": {
                    "type": "boolean",
                    "description": "True when the search cluster failed and the database answered.",
                },
                "warnings": {"type": "array", "items": text},
            },
        ),
        "AutocompleteHit": _object({"title": text, "url": url, "kind": kind, "locale": languages}),
        "AutocompleteAnswer": _object(
            {
                "query": text,
                "results": {
                    "type": "array",
                    "maxItems": AUTOCOMPLETE_LIMIT,
                    "items": {"$ref": "#/components/schemas/AutocompleteHit"},
                },
                "degraded": {"type": "boolean"},
            }
        ),
        "OpenAPIDocument": {
            "type": "object",
            "required": ["openapi", "info", "paths"],
            "description": "This document.",
        },
    }


def json_answer(schema: str, description: str) -> dict:
    return {
        "description": description,
        "headers": {"Access-Control-Allow-Origin": CORS_HEADER},
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def components(parameters: dict) -> dict:
    cors = {
        "Access-Control-Allow-Origin": {
            "description": "Any website may call the API from a browser.",
            "required": True,
            "schema": {"type": "string", "const": "*"},
        },
    }
    preflight_headers = {
        name: {"required": True, "schema": {"type": "string"}}
        for name in ("Access-Control-Allow-Methods", "Access-Control-Allow-Headers")
    }
    return {
        "parameters": parameters,
        "schemas": schemas(),
        "headers": cors,
        "responses": {
            "BadRequest": json_answer(
                "Error",
                "A parameter name the endpoint does not take, or a value out of bounds "
                "(a bad `page`, `page_size`, `lang` or `sort`, a NUL character).",
            ),
            "MethodNotAllowed": {
                **json_answer("Error", "Any method but GET, HEAD and OPTIONS."),
                "headers": {
                    "Access-Control-Allow-Origin": CORS_HEADER,
                    "Allow": {"schema": {"type": "string"}},
                },
            },
            "Preflight": {
                "description": "The CORS preflight: GET from any origin.",
                "headers": {"Access-Control-Allow-Origin": CORS_HEADER, **preflight_headers},
            },
        },
    }
