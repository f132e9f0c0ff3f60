"""Settings for the Newsroom example site, read from the environment.

Every value a deployment changes comes from an environment variable (see the README's
settings table); nothing secret is committed. Debug is off unless ``DEBUG`` asks for it,
and without debug a ``SECRET_KEY`` is required.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import get_language_info

from newsroom.mail import SmtpServer, default_smtp_port, parse_email_url
from newsroom.storage import media_url_on_object_storage

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origins(*urls):
    """The scheme://host[:port] of each absolute URL given (relative ones have none)."""
    return [f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, urls) if parts.netloc]


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if "*" in ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's hosts; '*' is for local debugging only.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",  # "Translate" on a page: a copy in another locale to edit
    "wagtail.locales",  # the admin's Locales, where a desk adds the languages it publishes in
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
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
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "newsroom_core",  # the image model, with each photo's credit and rights
    # After Wagtail's apps, as a host site adds them: Newsroom's image and document permission
    # policies replace Wagtail's, which wagtail.images and wagtail.documents register as they load.
    "articles",
    "authors",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # right after SecurityMiddleware, as WhiteNoise asks
    # Brotli or gzip for anonymous readers, each compressing the reader cache's one copy (never static
    # files, which WhiteNoise serves compressed, nor anything a session or a CSRF cookie goes with).
    "articles.compression.CompressionMiddleware",
    "articles.caching.ReaderCacheMiddleware",  # keeps the frame and CSP headers set inside it
    "django.contrib.sessions.middleware.SessionMiddleware",
    "articles.url_language.URLLanguageMiddleware",  # the language is the address's: /fr/… is French
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(exist_ok=True)  # the embedded SQLite default lives in this git-ignored folder
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets readers go on while a story is being written, and commits without
    # waiting for the disk each time; IMMEDIATE takes the write lock when a transaction begins, so
    # two writers queue (up to "timeout" seconds) instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Redis when REDIS_URL is set, shared by every app server; local memory otherwise. Wagtail keeps
# image renditions in their own alias, never in the database. django-redis keeps one Redis client
# per process (Django's own backend builds one per call, which costs more than the round trip).
# A cache is an accelerator: with Redis unreachable, every cache call answers "nothing cached"
# within half a second (IGNORE_EXCEPTIONS), the site is served from the database, a warning is
# logged now and then (not per request), and the cache is used again as soon as Redis answers.
def redis_caches(url):
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    return {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"newsroom-{alias}",
            "OPTIONS": options,
        }
        for alias in ("default", "renditions")
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "newsroom.cache"
if os.environ.get("REDIS_URL"):
    CACHES = redis_caches(os.environ["REDIS_URL"])
else:
    # Django's default of 300 entries would keep evicting pages a site serves all day; 5,000 (pages
    # run ~30 KB, "not found" answers ~3 KB) bounds each process's cache to about 150 MB at worst.
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
        for alias in ("default", "renditions")
    }

# Sign-in throttling (django-axes, in the database so it holds across app servers): after
# LOGIN_FAILURE_LIMIT wrong passwords for one user from one address, that user may not sign in from
# there for LOGIN_LOCKOUT_MINUTES; a right password resets the count. Lift a lockout at once with
# `manage.py axes_reset_username <username>` (or `axes_reset` for all).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "login_locked.html"
AXES_CLIENT_IP_CALLABLE = "newsroom.client_ip.client_ip"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The languages the site publishes in, each a Wagtail locale with a tree of its own (the first is
# the default, served without a prefix; the others under /fr/ …): CONTENT_LANGUAGES=en,fr,es,de.
# The interface follows: a French page's strings are French. The admin offers Newsroom's four.
CONTENT_LANGUAGES = [code.strip() for code in os.environ.get("CONTENT_LANGUAGES", "en,fr").split(",") if code.strip()]
LANGUAGE_CODE = CONTENT_LANGUAGES[0]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [(code, get_language_info(code)["name"]) for code in CONTENT_LANGUAGES]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [(code, get_language_info(code)["name_local"]) for code in ("en", "fr", "es", "de")]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
# The example site's own strings (templates/, newsroom/); each app's catalogue is in its locale/ folder.
LOCALE_PATHS = [BASE_DIR / "newsroom" / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "newsroom" / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# A full or read-only media disk is a message to the editor, and leaves no partial files. Static
# files are served by the app itself (WhiteNoise), from what `manage.py collectstatic` gathered in
# STATIC_ROOT: compressed, under names that carry a hash of their content, so they can be cached
# for a year. In debug they are served as they are, from the apps' folders.
STORAGES = {
    "default": {"BACKEND": "articles.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on object storage when MEDIA_S3_BUCKET is set: Amazon S3 or any server that speaks its API
# (MinIO, Ceph, Garage, Cloudflare R2, DigitalOcean Spaces, Backblaze B2), through django-storages.
# Uploads, renditions and documents all go there, so every app server sees the same files.
# Credentials are read as boto3 reads them: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
# machine's role. MEDIA_S3_CUSTOM_DOMAIN is the CDN or bucket host readers fetch media from.
# MEDIA_S3_OBJECT_ACLS=off for a bucket whose ACLs are disabled (Amazon's default for new buckets):
# its policy then makes everything but documents/ public (see newsroom/storage.py).
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    media_s3 = {
        "bucket_name": MEDIA_S3_BUCKET,
        "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("MEDIA_S3_REGION") or None,
        "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
        "location": os.environ.get("MEDIA_S3_PREFIX", ""),
    }
    STORAGES["default"] = {
        "BACKEND": "newsroom.storage.ObjectStorage",
        "OPTIONS": media_s3 | {"object_acls": env_flag("MEDIA_S3_OBJECT_ACLS", default=True)},
    }
    MEDIA_URL = media_url_on_object_storage(**media_s3)
    WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents stay private objects: see newsroom/storage.py
WAGTAILIMAGES_IMAGE_MODEL = "newsroom_core.NewsroomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "articles.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "articles.uploads.DocumentForm"

# Page editors can exceed Django's default of 1,000 form fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Uploads: images up to 10 MB and 40 megapixels (a decompression bomb is refused before it is
# decoded), documents up to 20 MB. Story files have their own limit, NEWSROOM_IMPORT_MAX_BYTES.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 40_000_000))
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search, each page indexed in its own language on PostgreSQL.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "newsroom_core.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]

# Work that should not hold up an editor or a reader (search and reference indexing, renditions,
# front-cache purges, imports of many files) runs as Django tasks (django-tasks). TASK_QUEUE=database
# queues them in the database for `manage.py db_worker` to run, as production does; otherwise they
# run at once, inside the request that asked for them, so development needs nothing else running.
TASK_QUEUE = os.environ.get("TASK_QUEUE", "immediate")
if TASK_QUEUE == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASK_QUEUE == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(f"TASK_QUEUE must be 'database' or 'immediate', not {TASK_QUEUE!r}.")

# Seconds rendered pages and feeds stay in the cache (keys change with every content change);
# 0 turns the reader cache off.
NEWSROOM_CACHE_SECONDS = int(os.environ.get("READER_CACHE_SECONDS", "600"))
# Redis is shared by every app server; the local-memory cache is each process's own.
NEWSROOM_CACHE_IS_SHARED = bool(os.environ.get("REDIS_URL"))

# Behind a CDN or caching proxy (an HTTP PURGE endpoint such as the recipe's Varnish, or
# Cloudflare), every change readers see purges the site there (articles.front_cache), and Wagtail
# purges a page's own URL when it is published or unpublished.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# WebSub: every feed names these hubs, and the task worker tells them of each feed a change readers
# see touches (articles.websub). WEBSUB_HUB_URL is one hub's address, or several, comma-separated.
NEWSROOM_WEBSUB_HUBS = [url.strip() for url in os.environ.get("WEBSUB_HUB_URL", "").split(",") if url.strip()]

# Mail (Wagtail's moderation notifications): one EMAIL_URL (smtp://user:password@host:587/?tls=True),
# or Django's own EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS and
# EMAIL_USE_SSL. With neither, debug prints mail on the console and production hands it to a mail
# server on localhost:25, as Django does. A mail server that does not answer holds an editor's
# click for EMAIL_TIMEOUT seconds at most; Wagtail then logs it and carries on.
if os.environ.get("EMAIL_URL") and os.environ.get("EMAIL_HOST"):
    raise ImproperlyConfigured("Set EMAIL_URL or EMAIL_HOST, not both.")
if os.environ.get("EMAIL_URL"):
    smtp_server = parse_email_url(os.environ["EMAIL_URL"])
elif os.environ.get("EMAIL_HOST") or not DEBUG:
    use_tls, use_ssl = env_flag("EMAIL_USE_TLS"), env_flag("EMAIL_USE_SSL")
    smtp_server = SmtpServer(
        host=os.environ.get("EMAIL_HOST", "localhost"),
        port=int(os.environ.get("EMAIL_PORT") or default_smtp_port(use_tls=use_tls, use_ssl=use_ssl)),
        user=os.environ.get("EMAIL_HOST_USER", ""),
        password=os.environ.get("EMAIL_HOST_PASSWORD", ""),
        use_tls=use_tls,
        use_ssl=use_ssl,
    )
else:
    smtp_server = None
if smtp_server:
    EMAIL_BACKEND = "newsroom.mail.SmtpBackend"
    EMAIL_HOST, EMAIL_PORT = smtp_server.host, smtp_server.port
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = smtp_server.user, smtp_server.password
    EMAIL_USE_TLS, EMAIL_USE_SSL = smtp_server.use_tls, smtp_server.use_ssl
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# Error mail to ADMINS, if a deployment adds them, comes from the same address.
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "filters": {"cache_outage": {"()": "newsroom.log_filters.CacheOutageFilter", "seconds": 300}},
    "loggers": {
        # A "Not Found" line per 404 is noise, and under a scanner's flood a cost: server errors still log.
        "django.request": {"level": "ERROR"},
        # An unreachable cache: one warning every five minutes at most, not one per request.
        "newsroom.cache": {"filters": ["cache_outage"]},
    },
}


# Content Security Policy for what readers see: the site's own scripts, styles and fonts only
# (and the admin's host, whose scripts draw the editors' user bar on reader pages), and images
# also from MEDIA_URL's host when media lives on object storage or a CDN. Story text can never
# run as script even if markup slipped through. Wagtail's admin uses inline scripts and styles,
# so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", *origins(MEDIA_URL)],
        "script-src": ["'self'", *origins(WAGTAILADMIN_BASE_URL)],
        "style-src": ["'self'", *origins(WAGTAILADMIN_BASE_URL)],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Production hardening: on whenever debug is off (checked by ``manage.py check --deploy``).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", default=True)  # consent only: submitting is manual
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_flag("BEHIND_TLS_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app append to X-Forwarded-For (see newsroom/client_ip.py).
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "1"))
if TRUSTED_PROXY_HOPS < 1:
    raise ImproperlyConfigured("TRUSTED_PROXY_HOPS counts the proxies in front of the app: 1 or more.")
