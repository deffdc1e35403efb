"""``Cache-Control: no-store`` on every response that may carry personal data.

Django and Wagtail mark only some admin views uncacheable; a browser's back button, a shared
office computer's disk cache or a proxy could otherwise keep a case or an intake. Everything a
signed-in person receives, every answer to a POST (a form re-shown with its answers) and the
admin, form and document URLs for anyone are never stored.
"""

from django.utils.cache import add_never_cache_headers

PRIVATE_PREFIXES = ("/admin/", "/forms/", "/documents/")


class NoStoreForPersonalDataMiddleware:
    """Put right after the authentication middleware, so it sees the final response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            (user is not None and user.is_authenticated)
            or request.method == "POST"
            or request.path_info.startswith(PRIVATE_PREFIXES)
        ):
            add_never_cache_headers(response)
        return response
