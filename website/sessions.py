"""Staff sessions end after a fixed time however active they are (the idle limit is Django's own
``SESSION_COOKIE_AGE`` with ``SESSION_SAVE_EVERY_REQUEST``).

Django has no absolute session lifetime: a session renewed on every request would otherwise
live for as long as someone keeps clicking, also on a shared office computer.

The wizard warns before either limit (``forms_app/session_timing.py``). The generic form engine
cannot know this project's absolute lifetime nor where to extend a session, so it asks
``session_timing`` below through the ``FORMS_SESSION_TIMING`` setting; the keep-alive view lives
here, beside the rules it must not break (it never extends past the absolute lifetime).
"""

import datetime
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forms_app.session_timing import SessionTiming

LOGIN_AT = "website:login_at"


@receiver(user_logged_in, dispatch_uid="website.sessions.remember_login_time")
def remember_login_time(sender, request, user, **kwargs) -> None:
    request.session[LOGIN_AT] = int(time.time())


def absolute_end(session) -> float:
    """When the session ends however active (one without a login time has ended)."""
    started = session.get(LOGIN_AT)
    if started is None:
        return 0.0
    return started + settings.SESSION_ABSOLUTE_LIFETIME_SECONDS


class AbsoluteSessionLifetimeMiddleware:
    """Put after the authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and time.time() > absolute_end(request.session):
            logout(request)
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


def session_timing(request) -> SessionTiming:
    """What the wizard's warning needs (``FORMS_SESSION_TIMING``); for a signed-in person."""
    absolute = max(0, int(absolute_end(request.session) - time.time()))
    return SessionTiming(
        idle_seconds=min(request.session.get_expiry_age(), absolute),
        absolute_seconds=absolute,
        keepalive_url=reverse("session_keep_alive"),
    )


@require_POST
def keep_alive(request):
    """The wizard's "Stay signed in": restart the idle time, never past the absolute lifetime
    (near it, the session's own expiry becomes that end, so the session store drops it then
    too). A POST with the CSRF token, as it changes the session; answers JSON."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("You are no longer signed in.")}, status=403)
    end = absolute_end(request.session)
    if end - time.time() < settings.SESSION_COOKIE_AGE:
        request.session.set_expiry(datetime.datetime.fromtimestamp(end, tz=datetime.UTC))
    else:
        request.session.set_expiry(None)
    request.session.modified = True
    timing = session_timing(request)
    return JsonResponse(
        {"idle_seconds": timing.idle_seconds, "absolute_seconds": timing.absolute_seconds}
    )
