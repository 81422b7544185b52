"""Settings shared by every environment; dev, test and production adjust them."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_float, env_int, env_list, env_pair, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-never-used-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win over the libraries'.
    "hub",
    "network",
    "stories",
    "resources",
    "search",
    "search.alerts",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "django_tasks_db",  # the database task backend and its worker, db_worker
    "wagtail.contrib.frontend_cache",  # purges a proxy or CDN on publish, when configured
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: load balancers' probes get their answer before host checks, HTTPS redirects,
    # languages, sessions and the page cache (hub/health.py).
    "hub.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "hub.middleware.SecurityHeadersMiddleware",
    "hub.middleware.AdminHostMiddleware",
    "hub.middleware.RejectNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag from the body and 304 answers: cheap, and it also covers cached pages.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hub.language_prefix.UnknownLanguagePrefixMiddleware",  # /de/: a 404, not /en/de/
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hub.content_version.ContentVersionMiddleware",  # read once, for the page cache too
    "hub.caching.AnonymousPageCacheMiddleware",  # needs request.user: after auth
    "hub.visibility.VisibilityScopeMiddleware",
    "hub.storage.StorageUnavailableMiddleware",  # an upload the storage fails: a 503 page
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one username
# from one address, further attempts are refused (HTTP 429) for AXES_COOLOFF_TIME hours,
# even with the right password. Keyed on the pair so that one office behind a shared
# address cannot lock out all its editors, nor one attacker all accounts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind reverse proxies every connection comes from the nearest proxy: the client's address
# is read from X-Forwarded-For as the trusted proxies wrote it (hub/client_address.py).
# The environment variable keeps the name README has always given it.
TRUSTED_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "hub.client_address.client_address"

# The admin answers only on these hosts (every allowed host when the list is empty).
ADMIN_HOSTS = env_list("ADMIN_HOSTS")
# Image hosts the public Content-Security-Policy allows besides the site (a media CDN).
CSP_EXTRA_IMG_SRC = env_list("CSP_EXTRA_IMG_SRC")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the main language; every public URL carries its language code.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
FORMAT_MODULE_PATH = ["hub.formats"]  # one date format per language, pages and results
USE_I18N = True
USE_TZ = True

# An untranslated copy must never go live: a page submitted for translation stays a draft
# in the target language until a translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
# Files browsers ask for at the site root (favicon.ico), served by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "hub" / "public_root"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads go to an S3-compatible bucket when one is named (hub/media_storage.py: public image
# folders, private documents behind signed URLs; README "Object storage"), else to MEDIA_ROOT.
media_bucket = env_str("MEDIA_S3_BUCKET")
if media_bucket:
    media_keys = env_pair(
        "MEDIA_S3_ACCESS_KEY_ID",
        "MEDIA_S3_SECRET_ACCESS_KEY",
        "without them boto3 finds credentials itself, e.g. from an instance role",
    )
    media_acl = env_str("MEDIA_S3_PUBLIC_ACL", "public-read")
    STORAGES["default"] = {
        "BACKEND": "hub.media_storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": media_bucket,
            "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL"),
            "region_name": env_str("MEDIA_S3_REGION", "us-east-1"),
            "access_key": media_keys[0],
            "secret_key": media_keys[1],
            "public_url": env_str("MEDIA_S3_PUBLIC_URL"),
            # "none": a bucket policy makes images/ and original_images/ readable instead.
            "public_acl": None if media_acl == "none" else media_acl,
            "querystring_expire": env_int("MEDIA_S3_SIGNED_URL_SECONDS", 60),
            "timeout": env_float("MEDIA_S3_TIMEOUT", 5.0),
        },
    }

WAGTAIL_SITE_NAME = "Knowledge Hub"
# The site's public address ("https://hub.example.org"): every absolute URL the hub emits
# (canonical, hreflang, feeds, sitemap, search API, e-mails) is built on it, and the default
# Wagtail Site follows it after each migrate. Unset: the host and port of each request.
HUB_PUBLIC_URL = (env_str("HUB_PUBLIC_URL") or "").rstrip("/") or None
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", HUB_PUBLIC_URL or "http://127.0.0.1:8000")
# The licence a new story is shared under (an SPDX identifier of stories/licences.py); each
# story can choose another, shown on its page, in its JSON-LD and in the lessons dataset.
HUB_DEFAULT_LICENCE = env_str("HUB_DEFAULT_LICENCE", "CC-BY-4.0")
# The lessons dataset's downloads, written once per content version (stories/dataset/).
DATASET_CACHE_DIR = Path(env_str("DATASET_CACHE_DIR", str(BASE_DIR / "var" / "dataset")))
# E-mails (invitations, workflow notifications) come from this address; production reads the
# SMTP server from the environment (hub/settings/production.py), development prints them.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Knowledge Hub <hub@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Invitation and "Forgotten password?" links work once and for three days; the hub's form also
# serves invited accounts that have no password yet (network/invitations.py).
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "network.invitations.PasswordResetForm"
# WAGTAILDOCS_SERVE_METHOD stays unset: Wagtail's serve view checks the collection's privacy,
# then streams a local file or, from object storage, redirects to its one-minute signed URL.
# ("direct" would link the storage's URL from pages, past the privacy check.)
# Upload limits, in megabytes in the environment: images by Wagtail's own setting, documents
# by the hub's document form (hub/uploads.py).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
DOCUMENT_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "hub.uploads.DocumentForm"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nor the release check on the dashboard

# Wagtail's own search backend serves the admin and the choosers. The public search of the
# hub goes through the ``search`` app, which talks to its engines directly. Both build their
# Elasticsearch client from the settings below (search/engines/es_client.py), so credentials,
# TLS and the transport reach every path: searching, indexing, rebuilds and health checks.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "hub_")
# Credentials: an API key, or a user and a password (never in the URL, which is printed).
ELASTICSEARCH_API_KEY = env_str("ELASTICSEARCH_API_KEY")
ELASTICSEARCH_USERNAME = env_str("ELASTICSEARCH_USERNAME")
ELASTICSEARCH_PASSWORD = env_str("ELASTICSEARCH_PASSWORD")
# TLS: the CA certificate file that signed the cluster's certificate, or its SHA-256 fingerprint.
ELASTICSEARCH_CA_CERTS = env_str("ELASTICSEARCH_CA_CERTS")
ELASTICSEARCH_CA_FINGERPRINT = env_str("ELASTICSEARCH_CA_FINGERPRINT")
# Seconds per request, and retries on another attempt: the public search falls back to the
# database engine, so it should give up quickly rather than keep a visitor waiting.
ELASTICSEARCH_TIMEOUT = env_float("ELASTICSEARCH_TIMEOUT", 5.0)
ELASTICSEARCH_MAX_RETRIES = env_int("ELASTICSEARCH_MAX_RETRIES", 0)
# The transport's node class: a name the client knows ("urllib3", "requests") or a dotted
# path; ``make run SEARCH=elasticsearch`` sets search.engines.es_transport.PlainJsonNode.
ELASTICSEARCH_NODE_CLASS = env_str("ELASTICSEARCH_NODE_CLASS")
# Any other keyword argument of the Elasticsearch client (a dict, in a settings module).
SEARCH_ENGINE_OPTIONS = {}
# Search by meaning across languages, and related lessons (search/semantic/): off, no model
# is loaded and nothing is embedded.
SEARCH_SEMANTIC = env_bool("SEARCH_SEMANTIC", True)
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.wagtail_backend",  # Wagtail's Elasticsearch 9 backend, our client
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}wagtail_",
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Background tasks (hub/tasks.py): "database" queues them in PostgreSQL (or SQLite) for the
# worker, ``manage.py db_worker`` (``make worker``); "immediate" runs them inside the request.
# The database rather than Redis: the machine's Redis keeps nothing on disk, so a restart
# would lose queued tasks, while the database is durable and every process already shares it.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def task_settings(kind: str) -> dict:
    if kind not in TASK_BACKENDS:
        raise SystemExit(f"hub: TASKS_BACKEND is one of {', '.join(TASK_BACKENDS)}, not {kind!r}.")
    return {"default": {"BACKEND": TASK_BACKENDS[kind]}}


TASKS = task_settings(env_str("TASKS_BACKEND", "immediate"))


def frontend_cache_settings() -> dict:
    """Proxy or CDN purge on publish and unpublish (wagtail.contrib.frontend_cache): a PURGE
    per URL, in every language, to FRONTEND_CACHE_PURGE_URL (Varnish, nginx's purge module),
    and/or Cloudflare (zone and API token) or CloudFront (distribution id; AWS credentials
    from boto3's usual environment). Empty, and so off, when none is set."""
    backends = {}
    if env_str("FRONTEND_CACHE_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "hub.frontend_purge.TimedHTTPBackend",
            "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
            "TIMEOUT": env_float("FRONTEND_CACHE_PURGE_TIMEOUT", 5),
        }
    if env_str("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": env_str("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"),
            "BEARER_TOKEN": env_str("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        }
    if env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
        }
    return backends


# The purges run as tasks (the worker's, with TASKS_BACKEND=database).
WAGTAILFRONTENDCACHE = frontend_cache_settings()

# The anonymous-page cache (hub/caching.py) lives in its own alias, which every server
# process must share: Redis when REDIS_URL is set, otherwise files on local disk.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env_str("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
if env_str("REDIS_URL"):
    # A Redis that is down makes a slower site, not a broken one (hub/redis_cache.py); the
    # timeouts bound what an unreachable host costs before the process stops trying for a while.
    redis_timeout = env_float("REDIS_TIMEOUT", 0.5)
    redis = {
        "BACKEND": "hub.redis_cache.ForgivingRedisCache",
        "LOCATION": env_str("REDIS_URL"),
        "OPTIONS": {"socket_connect_timeout": redis_timeout, "socket_timeout": redis_timeout},
    }
    CACHES = {"default": redis, "pages": {**redis, "KEY_PREFIX": "pages"}}
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60 * 60)  # the version key invalidates
PAGE_CACHE_BROWSER_MAX_AGE = env_int("PAGE_CACHE_BROWSER_MAX_AGE", 60)  # browsers: short
PAGE_CACHE_EXCLUDE = ["/admin/", "/documents/", MEDIA_URL]

# Clickjacking: nothing of the hub is framed by other sites.
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Health checks are probed every few seconds: their requests are not logged.
    "filters": {"no_health_checks": {"()": "hub.health.SkipHealthCheckRecords"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_health_checks"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # The hub says in one line when Elasticsearch fails (search.service, rebuild_search_index);
    # the transport's warnings about each failed node would repeat it.
    "loggers": {"elastic_transport": {"level": "ERROR"}},
}

# Machine translation in the translation editor: DeepL when a key is configured, otherwise
# wagtail-localize's dummy translator (reverses words), so the workflow can be tried anywhere.
DEEPL_API_KEY = env_str("DEEPL_API_KEY")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }
