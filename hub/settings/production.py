"""Production: secrets and hosts come from the environment and have no defaults."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required, env_str

# Tasks wait in the database for the worker (make worker) unless TASKS_BACKEND=immediate.
TASKS = task_settings(env_str("TASKS_BACKEND", "database"))  # noqa: F405

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY", "a long random string that signs sessions")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or env_required(
    "ALLOWED_HOSTS", "the comma-separated host names this site answers to"
)

STORAGES = {
    **STORAGES,  # noqa: F405
    # Hashed names let browsers cache static files forever; whitenoise serves them compressed.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Outgoing mail (invitations, workflow notifications) through the SMTP server the environment
# names; by default a relay on this machine, as Django assumes (README: "Settings").
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
