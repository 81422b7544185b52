"""The lessons dataset on the web: the JSON API, the two downloads and the data dictionary.

The API speaks the search's facet parameters (``search.params``) and its error shape and CORS
(``search.api``); its ETag and the downloads' are built from the content version, so a client
asking again before anything was published gets a 304 without a query being run.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.http import FileResponse, HttpResponseNotModified, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from hub.content_version import current_version
from hub.public_url import absolute_url, public_base
from search import facets as facet_tools
from search.api import cors, error_response, reject_nul
from search.documents import FACETS
from search.engines.base import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from search.params import parse

from . import query, writer
from .columns import COLUMNS, LIST_SEPARATOR
from .rows import RowBuilder

PAGING = ("page", "page_size")


def _not_modified(request, etag: str) -> bool:
    wanted = request.headers.get("If-None-Match", "")
    return etag in [tag.strip() for tag in wanted.split(",")] or wanted.strip() == "*"


def _etag(*parts) -> str:
    digest = hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()
    return f'"{digest[:32]}"'


def _paging(params, errors: dict) -> tuple[int, int]:
    numbers = {}
    for name, default, highest in (
        ("page", 1, None),
        ("page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    ):
        raw = params.get(name) or str(default)
        number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else 0
        if number < 1:
            errors[name] = _("%(name)s must be a positive integer.") % {"name": name}
        elif highest and number > highest:
            errors[name] = _("%(name)s must be at most %(limit)s.") % {
                "name": name,
                "limit": highest,
            }
        numbers[name] = number
    return numbers["page"], numbers["page_size"]


def _filters(params, errors: dict):
    """The facet filters, checked as the search checks them; unknown values are dropped
    with a warning, as in search."""
    for name in params:
        if name not in FACETS and name not in PAGING:
            errors[name] = _("%(name)s is not a parameter of the lessons API.") % {"name": name}
    if errors:
        return {}, []
    facets = params.copy()
    for name in PAGING:
        facets.pop(name, None)
    parsed = parse(facets, "en")
    if parsed.errors:
        errors.update(parsed.errors)
        return {}, []
    request, warnings = facet_tools.drop_unknown_values(parsed.request)
    return request.filters, warnings


def _page_url(request, params, page: int) -> str:
    pairs = [(k, v) for k, values in params.lists() if k != "page" for v in values]
    return absolute_url(f"{request.path}?{urlencode(pairs + [('page', page)])}", request)


@cors
@reject_nul
def lessons_api(request):
    with translation.override("en"):
        errors = {}
        filters, warnings = _filters(request.GET, errors)
        page, page_size = _paging(request.GET, errors)
        if errors:
            return error_response(errors)
        canonical = sorted((k, v) for k, values in request.GET.lists() for v in values)
        etag = _etag("lessons-api", current_version(), public_base(request), canonical)
        if _not_modified(request, etag):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            return response
        lessons = query.filtered(query.public_lessons(), filters)
        count = lessons.count()
        last_page = max(1, -(-count // page_size))
        if page > last_page:
            message = _("page must be at most %(limit)s.") % {"limit": last_page}
            return error_response({"page": message})
        chunk = list(lessons[(page - 1) * page_size : page * page_size])
        response = JsonResponse(
            {
                "count": count,
                "page": page,
                "page_size": page_size,
                "next": _page_url(request, request.GET, page + 1) if page < last_page else None,
                "previous": _page_url(request, request.GET, page - 1) if page > 1 else None,
                "results": RowBuilder(request).rows(chunk),
                "warnings": warnings,
            },
            json_dumps_params={"ensure_ascii": False},
        )
    response["ETag"] = etag
    return response


@cors
def lessons_download(request, fmt: str):
    version = current_version()
    etag = _etag("lessons-download", fmt, version)
    if _not_modified(request, etag):
        response = HttpResponseNotModified()
    else:
        try:
            kept = writer.cached_file(fmt, version).open("rb")
        except FileNotFoundError:
            stream = writer.written_while_streaming(fmt, version)
            response = StreamingHttpResponse(stream, content_type=writer.FORMATS[fmt])
        else:
            response = FileResponse(kept, content_type=writer.FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="lessons.{fmt}"'
    response["ETag"] = etag
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def data_page(request):
    """The data dictionary: every column, the downloads, the API and the licences."""
    downloads = [
        (fmt, absolute_url(reverse("lessons_download", args=[fmt]), request))
        for fmt in writer.FORMATS
    ]
    return render(
        request,
        "stories/data_page.html",
        {
            "columns": COLUMNS,
            "downloads": dict(downloads),
            "api_url": absolute_url(reverse("lessons_api"), request),
            "lesson_count": query.public_lessons().count(),
            "separator": LIST_SEPARATOR,
            "canonical": absolute_url(request.path, request),
        },
    )
