"""``/api/v2/dashboards/``: every public chart's numbers, as the page shows them.

The listing holds the live, public dashboard pages; ``/api/v2/dashboards/<id>/`` also answers for
any other live, public page with charts (the model documentation's results), but never for a
staff dashboard (``dashboards.staff``). Each chart gives
its table (headers, rows, total) suppressed across the whole page exactly as on the page, and the
definitions of the measures it shows.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation

from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Page

from rest_framework.response import Response

from . import charts
from .charting import page_charts
from .models import DashboardPage
from .models.pages import without_staff_dashboards


def represent(page: Page) -> dict:
    language = page.locale.language_code
    with translation.override(language):
        items = []
        for result in page_charts(page):
            shown = None if result.error else charts.present(result.value, result.tables)
            data = charts.as_data(result.value, shown, result.error)
            if shown is not None:
                data["csv"] = reverse("dashboards:chart_csv", args=[page.pk, result.index])
            items.append(data)
    return {
        "id": page.pk,
        "title": page.title,
        "locale": language,
        "url": page.url,
        "open_data_csv": reverse("dashboards:open_data_csv", args=[page.pk]),
        "charts": items,
    }


class DashboardsAPIViewSet(BaseAPIViewSet):
    model = DashboardPage
    name = "dashboards"

    def get_queryset(self):
        return DashboardPage.objects.live().public().for_everyone().order_by("path")

    def listing_view(self, request):
        pages = list(self.get_queryset().select_related("locale"))
        return Response(
            {"meta": {"total_count": len(pages)}, "items": [represent(p) for p in pages]}
        )

    def detail_view(self, request, pk):
        pages = without_staff_dashboards(Page.objects.live().public())
        page = get_object_or_404(pages, pk=pk).specific
        return Response(represent(page))
