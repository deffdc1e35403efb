"""Local development: DEBUG on, a fixed insecure key, mails to the console."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env_bool

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "import_export": IMPORT_PREVIEW_STORAGE,  # noqa: F405
}
# The demo's accounts sign in with their password alone unless TWO_FACTOR_REQUIRED=1 is set;
# production (base settings) always asks for the second factor.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
STATIC_ROOT = None  # runserver serves from the apps' folders; collectstatic is for production
