"""Settings for benchmarks that run the site under gunicorn: production's middleware and caches,
an insecure key and plain HTTP (loopback only), and a bare view to compare with (bench/urls.py)."""

import os

from website.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-insecure-key-Vb9LmZr4TcWp1sHdJfK8nQeYuA3oI6"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "import_export": IMPORT_PREVIEW_STORAGE,  # noqa: F405
}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
