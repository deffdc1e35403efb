"""The API's ``?search=`` with its ``search_operator`` checked.

Wagtail's ``SearchFilter`` hands ``search_operator`` to the search backend as sent, and the
backend raises ``ValueError`` (a server error) for anything but "and" or "or". This filter
answers such a request 400 with the reason, as Wagtail does for its other bad parameters.
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError

OPERATORS = ("and", "or")


class CheckedSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if "search" in request.GET and operator is not None and operator.lower() not in OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


def with_checked_search(backends) -> list:
    """``backends`` with Wagtail's ``SearchFilter`` replaced by :class:`CheckedSearchFilter`."""
    return [CheckedSearchFilter if backend is SearchFilter else backend for backend in backends]
