"""The test suite: fast, isolated, deterministic."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off by default so that no test sees a page another test rendered; tests/hub/test_caching.py
# turns it on. Login throttling is off too (the test client's login() passes no request,
# which django-axes refuses); tests/hub/test_security.py turns it on.
PAGE_CACHE_ENABLED = False
AXES_ENABLED = False
# Off unless a test asks for it (the ``semantic`` fixture): most tests publish pages, and need
# neither the sentence encoder's two seconds of loading nor its vectors.
SEARCH_SEMANTIC = env_bool("SEARCH_SEMANTIC", False)  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "tests" / "output" / "media"  # noqa: F405
DATASET_CACHE_DIR = BASE_DIR / "tests" / "output" / "dataset"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
HUB_PUBLIC_URL = None  # absolute URLs follow the request, whatever the environment says
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Static files straight from the apps (no collectstatic): whitenoise finds them.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
