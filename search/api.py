"""The JSON search API: the page's parameters, JSON answers, CORS for any origin, no 500s."""

from __future__ import annotations

import functools

from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from hub.public_url import absolute_url
from search import facets as facet_tools
from search.engines.base import InvalidSearchRequest
from search.languages import language_codes
from search.params import parse
from search.results import api_result, result_items
from search.service import counts_as_a_search, run_autocomplete, run_search

AUTOCOMPLETE_LIMIT = 8


def cors(view):
    """Let partners' websites call the API from a browser: GET from any origin, and the
    preflight OPTIONS answered here. The API is read-only and public, so nothing else."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in ("GET", "HEAD"):
            response = error_response({None: "Only GET is allowed."}, status=405)
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        response["Access-Control-Max-Age"] = "86400"
        return response

    return wrapper


def reject_nul(view):
    """A NUL character in a parameter's name or value is a 400 naming that parameter, in
    JSON like every other error of the API (PostgreSQL refuses NUL in text, so it must never
    reach a query). ``hub.middleware.RejectNulBytesMiddleware`` leaves views marked
    ``answers_nul`` to say so in their own format."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                with translation.override(_language(request)):
                    message = _("%(name)s contains a NUL character.") % {"name": name}
                return error_response({name: message})
        return view(request, *args, **kwargs)

    wrapper.answers_nul = True
    return wrapper


def error_response(errors: dict[str | None, str], status: int = 400) -> JsonResponse:
    """Every error of the API has one shape: ``error``, the first, and ``errors``, all."""
    parameter, message = next(iter(errors.items()))
    return JsonResponse(
        {
            "error": {"parameter": parameter, "message": message},
            "errors": [{"parameter": p, "message": m} for p, m in errors.items()],
        },
        status=status,
    )


def _language(request) -> str:
    code = request.GET.get("lang") or "en"
    return code if code in language_codes() else "en"


@cors
@reject_nul
def search_api(request):
    with translation.override(_language(request)):
        parsed = parse(request.GET, "en")
        if parsed.errors:
            return error_response(parsed.errors)
        search_request, warnings = facet_tools.drop_unknown_values(parsed.request)
        warnings = parsed.warnings + warnings
        outcome = run_search(
            search_request, as_typed=parsed.as_typed, log=counts_as_a_search(request)
        )
        response = outcome.response
        language = search_request.language
        results = []
        for item in result_items(response.hits, language):
            data = api_result(item)
            data["url"] = absolute_url(data["url"], request)
            results.append(data)
        return JsonResponse(
            {
                "query": search_request.text,
                "total": response.total,
                "page": search_request.page,
                "page_size": search_request.page_size,
                "results": results,
                "facets": facet_tools.facet_values(response, language),
                "suggestion": response.suggestion,
                # Results of a corrected query: "showing_results_for" is what they answer,
                # "query" what was typed (add as_typed=1 to search for that instead).
                "showing_results_for": response.showing_results_for,
                "degraded": outcome.degraded,
                "warnings": warnings,
            },
            json_dumps_params={"ensure_ascii": False},
        )


@cors
@reject_nul
def autocomplete_api(request):
    with translation.override(_language(request)):
        errors = {}
        for name in request.GET:
            if name not in ("q", "lang"):
                errors[name] = _("%(name)s is not an autocomplete parameter.") % {"name": name}
        language = request.GET.get("lang") or "en"
        if language not in language_codes():
            errors["lang"] = _("lang must be one of %(values)s.") % {
                "values": ", ".join(language_codes())
            }
        if errors:
            return error_response(errors)
        try:
            hits, degraded = run_autocomplete(
                request.GET.get("q", ""), language, limit=AUTOCOMPLETE_LIMIT
            )
        except InvalidSearchRequest as error:
            return error_response({error.parameter: error.message})
        return JsonResponse(
            {
                "query": request.GET.get("q", ""),
                "results": [
                    {
                        "title": hit.title,
                        "url": absolute_url(hit.url, request),
                        "kind": hit.kind,
                        "locale": hit.locale,
                    }
                    for hit in hits
                ],
                "degraded": degraded,
            },
            json_dumps_params={"ensure_ascii": False},
        )
