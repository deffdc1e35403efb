"""The pages endpoint of the headless API, with filters for the knowledge base's entries.

Registered as "pages" in ``website/api.py`` in place of Wagtail's own: it behaves exactly like
it and also accepts ``?theme=<slug>``, ``?city=<name>`` and ``?country=<name>``, which keep only
knowledge entries (good practice, model documentation, news) with that theme, city or country.
"""

from wagtail.api.v2.views import PagesAPIViewSet

from rest_framework.filters import BaseFilterBackend

from dashboards.models.pages import without_staff_dashboards
from website.api_search import with_checked_search

from .listing import matching_entry_pks

ENTRY_FILTERS = ("theme", "city", "country")


class KnowledgeEntryFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        values = {name: request.GET.get(name, "").strip() for name in ENTRY_FILTERS}
        if not any(values.values()):
            return queryset
        return queryset.filter(matching_entry_pks(**values))


class KnowledgePagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [KnowledgeEntryFilter, *with_checked_search(PagesAPIViewSet.filter_backends)]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(ENTRY_FILTERS)

    def get_base_queryset(self):
        """Wagtail's public pages, without staff dashboards (they are for signed-in staff)."""
        return without_staff_dashboards(super().get_base_queryset())
