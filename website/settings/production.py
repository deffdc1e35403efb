"""Production: HTTPS only, a real secret key from the environment or no start at all."""

import os

from django.core.checks.security.base import SECRET_KEY_INSECURE_PREFIX, SECRET_KEY_MIN_LENGTH
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import TASK_BACKENDS, env_bool

# Django's deploy check only warns about a weak key (and counts 5 distinct characters as
# enough); production refuses to start with one. token_urlsafe(64) has about 45 distinct.
SECRET_KEY_MIN_DISTINCT_CHARACTERS = 20
_GENERATE = 'e.g. python3 -c "import secrets; print(secrets.token_urlsafe(64))"'
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH:
    raise ImproperlyConfigured(
        f"Set SECRET_KEY in the environment to a random string of at least "
        f"{SECRET_KEY_MIN_LENGTH} characters, {_GENERATE}"
    )
if len(set(SECRET_KEY)) < SECRET_KEY_MIN_DISTINCT_CHARACTERS or SECRET_KEY.startswith(
    SECRET_KEY_INSECURE_PREFIX
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak: it needs at least {SECRET_KEY_MIN_DISTINCT_CHARACTERS} distinct "
        f"characters and must not start with {SECRET_KEY_INSECURE_PREFIX!r}; {_GENERATE}"
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    # Only behind a proxy that always sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Slow work (notification mails, Wagtail's reference index) waits for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "database")]}}
