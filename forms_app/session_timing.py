"""When the person's session ends, for the wizard's warning (``js/session-warning.js``).

The engine knows only Django's session: a person is signed out after
``request.session.get_expiry_age()`` seconds without a request. A project with further limits
(an absolute lifetime) and a way to extend the session names a callable in
``FORMS_SESSION_TIMING`` (a dotted path) that takes the request and returns a ``SessionTiming``.
``FORMS_SESSION_WARNING_SECONDS`` (300) says how long before the end the warning shows.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SessionTiming:
    idle_seconds: int  # until the session ends unless another request comes
    absolute_seconds: int | None = None  # until it ends however active; None: no such limit
    keepalive_url: str = ""  # a POST (with the CSRF token) here restarts the idle time


def session_timing(request) -> SessionTiming | None:
    """None for an anonymous visitor: there is no draft to save nor a session to keep."""
    if not request.user.is_authenticated:
        return None
    name = getattr(settings, "FORMS_SESSION_TIMING", "")
    if name:
        return import_string(name)(request)
    return SessionTiming(idle_seconds=request.session.get_expiry_age())


def warning_seconds() -> int:
    return int(getattr(settings, "FORMS_SESSION_WARNING_SECONDS", 300))
