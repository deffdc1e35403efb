"""Refuse a request whose address holds a NUL character, before any view looks it up.

PostgreSQL cannot hold NUL in text, so a query parameter with one, taken into a query by any view,
failed with a server error (the fuzz tests found Wagtail's listings, which read ``?locale=``
straight into a lookup). No page, filter or search of the site takes one: the answer is 400.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def has_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )


class RefuseNulInAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            return HttpResponseBadRequest(
                _("The address contains a NUL character, which no page of this site accepts."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
