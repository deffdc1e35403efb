"""Until a staff member has verified a second factor in this session, every request leads to
enrolment (no authenticator yet) or verification; only those screens, logging out and static
files stay reachable. Put after django-otp's ``OTPMiddleware``."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from .policy import is_enrolled, requires_second_factor

OPEN_URL_NAMES = {
    "two_factor:setup",
    "two_factor:verify",
    "wagtailadmin_logout",
    # The admin's icon sprite is fetched by script and pasted into the page: a redirect to the
    # setup screen would paste that screen in a second time.
    "wagtailadmin_sprite",
    "javascript-catalog",
    "wagtailadmin_javascript_catalog",
}


def _is_open(request) -> bool:
    path = request.path_info
    if any(path.startswith(prefix) for prefix in (settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.view_name in OPEN_URL_NAMES


class RequireSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if requires_second_factor(user) and not user.is_verified() and not _is_open(request):
            target = "two_factor:verify" if is_enrolled(user) else "two_factor:setup"
            response = redirect(target)
            response["Location"] += "?" + urlencode({"next": request.get_full_path()})
            return response
        return self.get_response(request)
