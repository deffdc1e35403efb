"""CSV downloads of public charts: one chart's numbers, or a whole dashboard's as open data.

Both are the numbers the page shows, suppressed across all charts of the page together, in the
page's language; German files use ";" and decimal commas, and every file starts with a BOM so
spreadsheet programs read the umlauts.
"""

import csv

from django.http import Http404, StreamingHttpResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from . import charts
from .charting import page_charts

BOM = "\ufeff"


class _Echo:
    def write(self, value: str) -> str:
        return value


def _public_page(page_id: int) -> Page:
    """A live page anyone may read; never a staff dashboard (``dashboards.staff``)."""
    from .models import DashboardPage

    pages = Page.objects.live().public().exclude(pk__in=DashboardPage.objects.staff().values("pk"))
    page = pages.filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page.specific


def _delimiter(language: str) -> str:
    return ";" if language.startswith("de") else ","


def csv_response(rows: list[list[str]], filename: str, language: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo(), delimiter=_delimiter(language))
    lines = (writer.writerow(row) for row in rows)
    response = StreamingHttpResponse(
        (BOM + line if i == 0 else line for i, line in enumerate(lines)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def chart_csv(request, page_id: int, index: int):
    page = _public_page(page_id)
    language = page.locale.language_code
    with translation.override(language):
        results = page_charts(page)
        if not 0 <= index < len(results) or results[index].error:
            raise Http404
        result = results[index]
        shown = charts.present(result.value, result.tables)
        rows = shown.csv_rows()
    return csv_response(rows, slugify(shown.title) or f"chart-{index + 1}", language)


def open_data_csv(request, page_id: int):
    page = _public_page(page_id)
    language = page.locale.language_code
    with translation.override(language):
        rows = [[_("chart"), _("measure"), _("row"), _("column"), _("value"), _("figures")]]
        for result in page_charts(page):
            if result.error:
                continue
            shown = charts.present(result.value, result.tables)
            measure = result.value.get("measure")
            for row in shown.csv_rows()[1:]:
                for header, cell in zip(shown.headers[1:], row[1:], strict=False):
                    rows.append([shown.title, measure, row[0], header, cell, shown.source])
    return csv_response(rows, f"{page.slug}-open-data", language)
