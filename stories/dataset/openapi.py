"""The OpenAPI 3.1 description of ``/api/lessons/``: a fragment the API's schema document
includes. Shared parameters are referenced by their URL name
(``#/components/parameters/<name>``); the row schema comes from ``columns.COLUMNS``."""

from __future__ import annotations

from search.documents import FACETS

from .columns import COLUMNS, INTEGER, LIST

PARAMETERS = ("page", "page_size", *FACETS)


def _ref(kind: str, name: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _etag_header() -> dict:
    return {
        "description": "Changes when the published content or the query changes; send it "
        "back in If-None-Match to get a 304 when nothing changed.",
        "schema": {"type": "string"},
    }


def paths() -> dict:
    return {
        "/api/lessons/": {
            "get": {
                "operationId": "listLessons",
                "summary": "Lessons learned, a page at a time",
                "description": (
                    "Every live, public lesson in every language (one row per lesson "
                    "translation; `lesson_group` ties translations together), ordered by "
                    "`lesson_id`. Takes the search's facet parameters (values of one facet "
                    "are OR-ed, facets AND-ed; unknown values are ignored with a warning) "
                    "and `page`/`page_size`. Any other parameter is a 400 naming it. The "
                    "same rows are downloadable whole at /data/lessons.csv and "
                    "/data/lessons.jsonl."
                ),
                "tags": ["lessons"],
                "parameters": [_ref("parameters", name) for name in PARAMETERS],
                "responses": {
                    "200": {
                        "description": "One page of lessons.",
                        "headers": {"ETag": _etag_header()},
                        "content": {"application/json": {"schema": _ref("schemas", "LessonPage")}},
                    },
                    "304": {
                        "description": "Not modified since the ETag sent in If-None-Match.",
                        "headers": {"ETag": _etag_header()},
                    },
                    "400": {
                        "description": "A parameter is unknown or out of bounds (a page "
                        "past the last, a page_size over 100); `error.parameter` names it.",
                        "content": {"application/json": {"schema": _ref("schemas", "Error")}},
                    },
                },
            }
        }
    }


def _column_schema(column) -> dict:
    if column.type == LIST:
        schema = {"type": "array", "items": {"type": "string"}}
    else:
        kind = "integer" if column.type == INTEGER else "string"
        schema = {"type": [kind, "null"] if column.nullable else kind}
    description = str(column.meaning)
    if column.format:
        description += f" Format: {column.format}."
    schema["description"] = description
    return schema


def schemas() -> dict:
    from django.utils import translation

    with translation.override("en"):
        lesson = {
            "type": "object",
            "description": "One lesson in one language; labels are in that language.",
            "properties": {column.name: _column_schema(column) for column in COLUMNS},
            "required": [column.name for column in COLUMNS],
        }
    page_link = {"type": ["string", "null"], "format": "uri"}
    return {
        "Lesson": lesson,
        "LessonPage": {
            "type": "object",
            "properties": {
                "count": {"type": "integer", "minimum": 0, "description": "Lessons matching."},
                "page": {"type": "integer", "minimum": 1},
                "page_size": {"type": "integer", "minimum": 1, "maximum": 100},
                "next": {**page_link, "description": "The next page, or null on the last."},
                "previous": {**page_link, "description": "The previous page, or null."},
                "results": {"type": "array", "items": _ref("schemas", "Lesson")},
                "warnings": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "Filter values that were ignored because nothing has them.",
                },
            },
            "required": ["count", "page", "page_size", "next", "previous", "results"],
        },
    }
