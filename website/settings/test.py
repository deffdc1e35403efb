"""The test suite: fast hashing, in-memory mail, no manifest needed, async-unsafe ORM allowed
for Playwright's sync API running beside pytest-django's live server."""

import os

from .base import *  # noqa: F403

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "import_export": IMPORT_PREVIEW_STORAGE,  # noqa: F405
}
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = None  # served from the apps' folders through whitenoise's finders; no collectstatic
WHITENOISE_USE_FINDERS = True
# Each test process its own cache: parallel workers must not share rate-limit counters.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change rows with QuerySet.update() and expect the next page to show it; the page
# cache's own tests switch it on.
PAGE_CACHE_SECONDS = 0
# Tests sign in with force_login; the second factor's own tests switch it on.
TWO_FACTOR_REQUIRED = False

# Everything logged also goes to a file per test process (``var/test-logs/<xdist worker>.log``),
# which ``tests/log_check.py`` greps for the demo people's names at the end of the session. The
# console shows warnings as before. SQL (``django.db.backends`` at DEBUG, which would print
# every query's parameters when a test counts queries) stays out: it is not what the app logs.
TEST_LOG_DIR = VAR_DIR / "test-logs"  # noqa: F405
TEST_LOG_DIR.mkdir(parents=True, exist_ok=True)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "file": {"format": "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "level": os.environ.get("LOG_LEVEL", "WARNING"),
        },
        "test_file": {
            "class": "logging.FileHandler",
            "filename": TEST_LOG_DIR / f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.log",
            "encoding": "utf-8",
            "delay": True,
            "formatter": "file",
        },
    },
    "root": {"handlers": ["console", "test_file"], "level": "INFO"},
    "loggers": {
        "django": {"level": "INFO"},
        "django.request": {"level": "INFO"},
        "django.security": {"level": "INFO"},
        "django.db.backends": {"level": "INFO"},
        "wagtail": {"level": "INFO"},
        **{
            app: {"level": "DEBUG"}
            for app in ("website", "forms_app", "casework", "partners", "dashboards", "knowledge")
        },
    },
}
