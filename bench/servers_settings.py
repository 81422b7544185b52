"""Production settings as a plain-HTTP server on 127.0.0.1 runs them, for ``bench/two_servers.py``
and the two-server test: static files straight from the apps (no collectstatic) and cookies
sent over HTTP (an editor signs in without TLS). Everything else, the cache and the database
included, is production's, from the environment."""

from hub.settings.production import *  # noqa: F403
from hub.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
