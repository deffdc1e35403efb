"""Staff sessions end after a fixed time however active they are (the idle limit is Django's own
``SESSION_COOKIE_AGE`` with ``SESSION_SAVE_EVERY_REQUEST``).

Django has no absolute session lifetime: a session renewed on every request would otherwise
live for as long as someone keeps clicking, also on a shared office computer.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver

LOGIN_AT = "website:login_at"


@receiver(user_logged_in, dispatch_uid="website.sessions.remember_login_time")
def remember_login_time(sender, request, user, **kwargs) -> None:
    request.session[LOGIN_AT] = int(time.time())


class AbsoluteSessionLifetimeMiddleware:
    """Put after the authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(LOGIN_AT)
            limit = settings.SESSION_ABSOLUTE_LIFETIME_SECONDS
            if started is None or time.time() - started > limit:
                logout(request)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)
