"""Settings shared by every environment.

Safe for production on its own: DEBUG is off and everything secret or host-specific comes from the
environment. ``dev``, ``test`` and ``production`` add to it.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
# The SQLite database, media, cache and private uploads live below VAR_DIR: create it here, so
# `manage.py migrate` works on a fresh clone before anything else has run.
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "forms_app",
    "partners",
    "casework",
    "dashboards",
    "knowledge",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "website.staff_accounts.apps.StaffAccountsConfig",  # wagtail.users, narrowed
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "formtools",
    "import_export",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "website.client_address.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "website.nul_in_url.RefuseNulInAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "website.privacy_headers.NoStoreForPersonalDataMiddleware",
    "website.sessions.AbsoluteSessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "website.two_factor.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.csp.SiteCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.page_cache.AnonymousPageCacheMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

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

# SQLite under var/ unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Concurrent writers (several staff finishing a wizard at once) wait for each other instead
    # of failing with "database is locked": WAL lets readers go on beside one writer, IMMEDIATE
    # takes the write lock when a transaction starts (so SQLite's busy timeout applies instead
    # of an upgrade deadlock), and the timeout says how long a writer waits.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
    # `manage.py migrate` on a fresh clone works without `make run` first.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Restricted pages send visitors to a login in the site's layout (website/login.py).
WAGTAIL_FRONTEND_LOGIN_URL = "site_login"
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "website/login.html"

# Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_ABSOLUTE_HOURS after
# login however active (website/sessions.py); logging out deletes the session on the server.
SESSION_ENGINE = "website.session_store"  # 503, not 400, when the database is down
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_LIFETIME_SECONDS = int(os.environ.get("SESSION_ABSOLUTE_HOURS", "10")) * 3600
# The wizard warns SESSION_WARNING_MINUTES before either limit and offers to stay signed in
# (forms_app/session_timing.py asks website/sessions.py).
FORMS_SESSION_TIMING = "website.sessions.session_timing"
FORMS_SESSION_WARNING_SECONDS = int(os.environ.get("SESSION_WARNING_MINUTES", "5")) * 60

# Brute force (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account, or from
# one address, logins from there are refused for AXES_COOLOFF_MINUTES; a successful login
# resets the count. Programme administrators unlock in the admin (Settings → Login lockouts).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "website/lockout.html"
AXES_ENABLE_ADMIN = False  # the Wagtail admin lists and lifts lockouts
AXES_VERBOSE = False
LOGIN_REDIRECT_URL = "wagtailadmin_home"

# Background work (django-tasks; Wagtail uses it for its reference index and file deletions):
# with TASKS_BACKEND=database tasks wait in the database for `manage.py db_worker`; "immediate"
# (development and tests) runs each one at once inside the request, so `make run` needs no
# second process. Production defaults to the database (website/settings/production.py).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}

# Behind a load balancer or reverse proxy: its addresses or networks (comma-separated), so the
# client's address is read from X-Forwarded-For for the forms' rate limit, the login lockouts and
# the audit log alike (website/client_address.py). Empty: REMOTE_ADDR is the client.
TRUSTED_PROXIES = [p for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()]
TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"

# A second factor (website/two_factor): every staff account enrols an authenticator app at its
# first login and enters a code at each login. django-otp throttles wrong codes per device.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "PartizipationPlus")

# Languages: the first (German) is the default and lives at "/", the others under "/<code>/".
# Content languages are configuration: SITE_LANGUAGES (codes, first one the default) picks from
# the languages below, and a locale for each is added in the admin (Settings → Locales). The
# interface is translated where a gettext catalogue exists (German and English ship).
_KNOWN_LANGUAGES = {
    "de": "Deutsch",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "tr": "Türkçe",
    "uk": "Українська",
    "ru": "Русский",
    "ku": "Kurdî",
    "fr": "Français",
}
LANGUAGES = [
    (code, _KNOWN_LANGUAGES.get(code, code))
    for code in env_list("SITE_LANGUAGES", ",".join(_KNOWN_LANGUAGES))
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
LANGUAGE_CODE = LANGUAGES[0][0]
# Dates follow the page's language: "31. August 2013" / "31 August 2013" (website/formats/).
FORMAT_MODULE_PATH = ["website.formats"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, name) for code, name in LANGUAGES if code in ("de", "en")
]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Files uploaded through forms: outside MEDIA_ROOT, served only by a permission-checked view.
FORMS_PRIVATE_ROOT = Path(os.environ.get("FORMS_PRIVATE_ROOT", VAR_DIR / "private"))
FORMS_DRAFT_LIFETIME_DAYS = int(os.environ.get("FORMS_DRAFT_LIFETIME_DAYS", "30"))
# The page types a wizard form may be created under (the engine allows any by default).
FORMS_APP_PARENT_PAGE_TYPES = ["website.HomePage"]
# Public form submissions per client address and form: at most COUNT within SECONDS
# ("5,600" by default); counted in the cache, so several app servers need a shared one.
FORMS_RATE_LIMIT = tuple(int(n) for n in os.environ.get("FORMS_RATE_LIMIT", "5,600").split(","))
# Work over these many rows runs in the task worker, watched on a progress page (forms_app.jobs);
# a job and its file are deleted this many hours after it started.
FORMS_EXPORT_TASK_ROWS = int(os.environ.get("FORMS_EXPORT_TASK_ROWS", "2000"))
PARTNERS_IMPORT_TASK_ROWS = int(os.environ.get("PARTNERS_IMPORT_TASK_ROWS", "1000"))
CASEWORK_IMPORT_TASK_ROWS = int(os.environ.get("CASEWORK_IMPORT_TASK_ROWS", "1000"))
FORMS_JOB_RETENTION_HOURS = int(os.environ.get("FORMS_JOB_RETENTION_HOURS", "24"))

# Partner spreadsheet imports (partners/importing.py): the largest upload and the most rows one
# file may hold (10,000 rows are about 5 MB), and where a preview waits for its confirmation:
# django-import-export's MediaStorage on the "import_export" storage, a private folder outside
# MEDIA_ROOT (never served) that every app process reads. Several app servers need it on shared
# disk, or another storage backend, or IMPORT_EXPORT_TMP_STORAGE_CLASS set to its CacheStorage
# with a shared cache.
PARTNERS_IMPORT_MAX_BYTES = int(os.environ.get("PARTNERS_IMPORT_MAX_BYTES", 32 * 1024 * 1024))
PARTNERS_IMPORT_MAX_ROWS = int(os.environ.get("PARTNERS_IMPORT_MAX_ROWS", "50000"))
IMPORT_EXPORT_TMP_STORAGE_CLASS = os.environ.get(
    "IMPORT_EXPORT_TMP_STORAGE_CLASS", "import_export.tmp_storages.MediaStorage"
)
IMPORT_PREVIEW_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": os.environ.get("IMPORT_PREVIEW_ROOT", str(VAR_DIR / "import-previews")),
        "file_permissions_mode": 0o600,
        "directory_permissions_mode": 0o700,
    },
}
STORAGES["import_export"] = IMPORT_PREVIEW_STORAGE

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The default cache is files under VAR_DIR, so every worker process of one app server shares it
# (the page cache's invalidation and the forms' rate limit need that); several app servers need
# a shared one, e.g. CACHE_BACKEND=django.core.cache.backends.redis.RedisCache.
CACHES = {
    "default": {
        "BACKEND": os.environ.get(
            "CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"
        ),
        "LOCATION": os.environ.get("CACHE_LOCATION", str(VAR_DIR / "cache")),
    }
}

# Anonymous visitors' pages are served from the cache above for this long at most; any publish
# drops them at once (website/page_cache.py). 0 switches the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@partizipationplus.invalid")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Cookies and headers that hold whatever the environment.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"  # Wagtail lifts it to SAMEORIGIN for its own preview frames
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy: nothing from another origin, no inline scripts or styles. Only the
# Wagtail admin (and its page previews), under /admin/, allows both inline (see website/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        # No page may be framed, except the admin's previews, by the admin (website/csp.py).
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

WAGTAIL_SITE_NAME = "PartizipationPlus"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "website.search_backend"}}
# Documents always go through Wagtail's serve view, which applies collection view restrictions
# (the private collection, see website/media.py); never let a web server hand out media/documents/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# Documents are downloads, except PDFs; no SVG images (an SVG can carry script).
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.documents.DocumentForm"  # content checked, not only name
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_FINDERS = []  # no third-party oEmbed lookups: nothing leaves the site
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no staff e-mail hashes sent to a third party
WAGTAILADMIN_COMMENTS_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
