"""The visitors' login for restricted pages, in the site's own layout.

Wagtail sends a visitor who may not see a restricted page to ``WAGTAIL_FRONTEND_LOGIN_URL``.
Someone already logged in lands there too when their groups lack access; they get a page
saying so (403) instead of a login form that would not help them.
"""

from django.contrib.auth.views import LoginView
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def _back_url(request) -> str | None:
    """Where the visitor came from, if that is on this site and not the login itself."""
    referer = request.headers.get("referer", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if safe and request.path not in referer else None


class SiteLoginView(LoginView):
    template_name = "website/login.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            context = {"back_url": _back_url(request), "wanted": self.get_redirect_url()}
            return render(request, "403.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "back_url": _back_url(self.request)}
