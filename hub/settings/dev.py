"""Local development: debug pages, the console mail backend, the embedded database."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Static files straight from the apps (no collectstatic): whitenoise finds them.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Template and content edits show at once; try the cache with PAGE_CACHE_ENABLED=1.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
