"""A URL that starts with a language the hub does not speak (/de/, /xx/) is a 404.

Django's ``LocaleMiddleware`` answers a 404 by trying the path under the default language,
and Wagtail's catch-all page route makes every such path look valid: /de/ used to redirect
to /en/de/, itself a 404. A first segment shaped like a language code that is not one of
``LANGUAGES`` gets the 404 page at once, in the visitor's language (``Accept-Language``).
"""

import re

from django.conf import settings
from django.shortcuts import render
from django.urls import is_valid_path
from django.utils import translation

LANGUAGE_SHAPED = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class UnknownLanguagePrefixMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.known = {code.lower() for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        match = LANGUAGE_SHAPED.match(request.path_info)
        if (
            match is None
            or match.group(1).lower() in self.known
            or is_valid_path(request.path_info)  # a language-neutral route: /api/...
        ):
            return self.get_response(request)
        language = translation.get_language_from_request(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = render(request, "404.html", status=404)
        response.headers.setdefault("Content-Language", language)
        return response
