"""Django settings, read from environment variables only (see .env.example)."""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

from conflict_tracker.env import env_bool, env_choice, env_int, env_list, env_rate, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

# `make run` writes a local .env (DEBUG=1 and a generated SECRET_KEY) so that manage.py commands typed by
# hand get the settings the app runs with. Variables already in the environment win; ENV_FILE="" reads none.
ENV_FILE = os.environ.get("ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    load_dotenv(ENV_FILE, override=False)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if not DEBUG else ["*"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # django-leaflet's admin module needs GDAL; we register admin modules ourselves (see urls.py).
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "leaflet",
    "events",
    "sources",
    "csp",
    "axes",  # failed sign-ins, per account and per address (see AXES_* below)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires: it answers a locked-out sign-in
]

# Failed sign-ins lock the account and the address out for a while (django-axes); the lockout expires.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

ROOT_URLCONF = "conflict_tracker.urls"
WSGI_APPLICATION = "conflict_tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = env_url(
    "DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}", schemes=("sqlite", "postgres", "postgresql")
)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0))}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The default database lives under var/, which a fresh checkout does not have yet.
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web process read while an in-process task writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # Parameters bound by the server, and a statement a connection runs DB_PREPARE_THRESHOLD times prepared: the
    # driver then neither quotes each value in Python (a batch's JSON rows) nor has the server plan it again.
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": env_int("DB_PREPARE_THRESHOLD", 5, minimum=0) or None,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names need `collectstatic` first (the Dockerfile runs it); off for DEBUG and tests.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 10 * 1024 * 1024, minimum=1024)
# Django buffers request bodies up to this size; an upload a little over the
# limit must still reach our own check so the user gets a clear 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
URL_FETCH_TIMEOUT = env_int("URL_FETCH_TIMEOUT", 15, minimum=1)
URL_FETCH_ALLOW_PRIVATE = env_bool("URL_FETCH_ALLOW_PRIVATE", False)
PUBLIC_READ = env_bool("PUBLIC_READ", False)
API_THROTTLE_RATE = env_rate("API_THROTTLE_RATE", "1000/hour")
API_MAX_PAGE_SIZE = 500

# Celery: without a broker URL, tasks run in-process so `make run` needs no Redis.
REDIS_URL = env_url("REDIS_URL", "", schemes=("redis", "rediss"))
CELERY_BROKER_URL = REDIS_URL or "memory://"
# API throttle counts must be shared by every web worker, so they live in Redis when there is one.
if REDIS_URL:
    # Short timeouts: a Redis that is down or hangs costs a request a second at most (throttles fail open).
    CACHES = {
        "default": {
            "BACKEND": "conflict_tracker.cache.PooledClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ct",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes every database connection before and after each task unless this is set (then it
# does every this many tasks): a new PostgreSQL backend per task, with its catalogue caches cold, cost the server
# more than the task's own statements (bench/e2e_burst.py). conflict_tracker.celery applies CONN_MAX_AGE between
# tasks instead, as Django does between requests.
CELERY_DB_REUSE_MAX = 1000
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180, minimum=1)
if CELERY_TASK_TIME_LIMIT <= CELERY_TASK_SOFT_TIME_LIMIT:
    raise ImproperlyConfigured("CELERY_TASK_TIME_LIMIT must be greater than CELERY_TASK_SOFT_TIME_LIMIT.")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers a message nobody acknowledged after visibility_timeout (kombu's default: an hour). With
# acks_late a task is acknowledged when it ends, so this must exceed the task's hard time limit or a slow
# parse would be delivered twice; a minute above it, a killed worker's message comes back within minutes.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 60}
# Publishing a task while Redis is down fails fast instead of blocking the upload; the sweep sends it later.
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 3, minimum=1)
CELERY_TASK_PUBLISH_RETRY = False
# A parse that hits a transient database error is retried this many times, PARSE_RETRY_BACKOFF_SECONDS doubled
# at each retry (1+2+4+8+16 = 31 s by default); then the article is failed with the reason, or left for the sweep.
PARSE_MAX_RETRIES = env_int("PARSE_MAX_RETRIES", 5, minimum=0)
PARSE_RETRY_BACKOFF_SECONDS = env_int("PARSE_RETRY_BACKOFF_SECONDS", 1, minimum=1)
SWEEP_INTERVAL_SECONDS = env_int("SWEEP_INTERVAL_SECONDS", 60, minimum=5)
SWEEP_QUEUED_AFTER_SECONDS = env_int("SWEEP_QUEUED_AFTER_SECONDS", 60, minimum=5)
SWEEP_BATCH = env_int("SWEEP_BATCH", 500, minimum=1)
# A file that kills its worker (or outruns the hard time limit) each time is failed after this many tries,
# not retried for ever.
PARSE_MAX_INTERRUPTIONS = env_int("PARSE_MAX_INTERRUPTIONS", 3, minimum=1)
# A parse task that finds more articles queued parses up to this many (its own included) and writes them in one
# transaction: the commit and the task overhead are paid once per batch. 1: one article per task.
# At most 200: a batch shares the task's time limit, and 200 real reports parse in a few seconds.
PARSE_BATCH_SIZE = env_int("PARSE_BATCH_SIZE", 20, minimum=1, maximum=200)
CELERY_BEAT_SCHEDULE = {
    "sweep-stranded-articles": {
        "task": "sources.tasks.sweep_stranded_articles",
        "schedule": float(SWEEP_INTERVAL_SECONDS),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "conflict_tracker.authentication.RoleTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"user": API_THROTTLE_RATE, "anon": API_THROTTLE_RATE},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "conflict_tracker API",
    "DESCRIPTION": "Armed-conflict events coded from news reports, with their attributed claims.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "kind" and a "status"; each enum is named after what it lists, read from the one
    # definition of that vocabulary (the API's schema view uses these too).
    "ENUM_NAME_OVERRIDES": {
        "EventStatusEnum": "events.models.LISTED_EVENT_STATUSES",
        "DeletedStatusEnum": "events.models.DELETED_EVENT_STATUSES",
        "ArticleStatusEnum": "sources.models.Article.Status",
        "LanguageSourceEnum": "sources.models.Article.LanguageSource",
        "ActorKindEnum": "sources.parsing.acled.ACTOR_KINDS",
        "ActorRoleEnum": "events.models.EventActor.Role",
        "ClaimKindEnum": "events.models.Claim.Kind",
        "QualifierEnum": "events.models.Claim.Qualifier",
        "DatePrecisionEnum": "events.models.Event.DatePrecision",
        "GeoPrecisionEnum": "events.models.Event.GeoPrecision",
    },
}

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (15.0, 10.0),
    "DEFAULT_ZOOM": 3,
    "MIN_ZOOM": 2,
    "MAX_ZOOM": 16,
    "TILES": [
        (
            "OpenStreetMap",
            env_url("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", schemes=("https", "http")),
            {"attribution": "&copy; OpenStreetMap contributors"},
        )
    ],
    "RESET_VIEW": False,
}

# Content-Security-Policy: scripts, styles and connections from this site only (no page has an inline
# script; the API docs load their initialiser as a file); map tiles from the tile server's origin. Inline
# styles are allowed (legend swatches, and Swagger UI injects a style element): they cannot run code.
_TILE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(LEAFLET_CONFIG["TILES"][0][1].replace("{s}", "a")))
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", _TILE_ORIGIN.replace("://a.", "://*.")],
        "connect-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Behind TLS in production; each can be switched off for a plain-HTTP local stack.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", "INFO", choices=LOG_LEVELS)},
}
