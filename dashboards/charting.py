"""The numbers behind the chart blocks of one page, computed and suppressed together.

Disclosure control has to see everything a page publishes at once (a hidden cell must not be
recoverable from another chart of the same page), so the first chart of a page that is rendered
computes the tables of all its charts, passes them through ``suppress()`` in one call and keeps
the result on the page instance: the page, its CSV downloads and the API all read from here and
publish the same numbers.

A staff dashboard's charts are counted over the reader's cases (``dashboards.staff.Scope``) and
not suppressed; without a signed-in reader they count no case at all.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wagtail.blocks import StreamValue, StructValue
from wagtail.fields import StreamField

from . import charts
from .cache import PUBLIC_SCOPE, cached_table
from .metrics import MEASURES, Filters, MetricError
from .suppression import suppress


@dataclass
class ChartResult:
    """What one chart block shows: its tables (several for a funnel) or why it shows none."""

    value: StructValue
    index: int
    tables: list = field(default_factory=list)
    error: str = ""


def chart_keys(value) -> list[tuple]:
    """The aggregates a chart needs: one, or one per stage of a funnel (each as a total)."""
    filters = value.get("filters") or {}
    city = filters.get("city")
    filter_key = (
        ("city", int(city) if city else None),
        ("gender", filters.get("gender") or None),
        ("age_group", filters.get("age_group") or None),
    )
    source = value.get("source") or "live"
    if value.get("chart_type") == "funnel":
        stages = [value.get("measure"), *(value.get("funnel_stages") or [])]
        return [(stage, "none", None, filter_key, source) for stage in stages]
    breakdown = value.get("breakdown") or "none"
    period = value.get("period") or None
    return [(value.get("measure"), breakdown, period, filter_key, source)]


def _is_chart(child) -> bool:
    from .blocks import ChartBlock

    return isinstance(child.block, ChartBlock)


def chart_values(page) -> list[StructValue]:
    """The values of the chart blocks in a page's stream fields, in the order they appear."""
    values = []
    for model_field in page._meta.get_fields():
        if not isinstance(model_field, StreamField):
            continue
        stream = getattr(page, model_field.name, None)
        if not isinstance(stream, StreamValue):
            continue
        values.extend(child.value for child in stream if _is_chart(child))
    return values


def _compute(key: tuple, scope=None):
    measure, breakdown, period, filter_key, source = key
    if measure not in MEASURES:
        raise MetricError(_("This chart's measure is no longer available."))
    cases = scope.cases if scope is not None else None
    return cached_table(
        measure,
        breakdown=breakdown,
        period=period,
        filters=Filters(**dict(filter_key), cases=cases),
        source=source,
        scope=scope.key if scope is not None else PUBLIC_SCOPE,
    )


def compute_charts(values: list[StructValue], scope=None) -> list[ChartResult]:
    """Compute every aggregate the charts need once and suppress them all in one call; with a
    staff ``scope``, over its cases only and exactly."""
    tables, errors = {}, {}
    for value in values:
        for key in chart_keys(value):
            if key in tables or key in errors:
                continue
            try:
                tables[key] = _compute(key, scope)
            except MetricError as error:
                errors[key] = str(error)
    if scope is not None:
        suppressed = tables
    elif tables:
        suppressed = dict(zip(tables, suppress(list(tables.values())), strict=True))
    else:
        suppressed = {}
    results = []
    for index, value in enumerate(values):
        keys = chart_keys(value)
        error = next((errors[key] for key in keys if key in errors), "")
        chart_tables = [] if error else [suppressed[key] for key in keys]
        results.append(ChartResult(value=value, index=index, tables=chart_tables, error=error))
    return results


def _for_staff(page) -> bool:
    return bool(getattr(page, "for_staff", False))


def page_charts(page, request=None) -> list[ChartResult]:
    """The page's chart results, computed on the first call for this page instance (a staff
    dashboard's for ``request.user``)."""
    results = getattr(page, "_dashboard_charts", None)
    if results is None:
        scope = None
        if _for_staff(page):
            from .staff import scope_for

            scope = scope_for(getattr(request, "user", None))
        results = compute_charts(chart_values(page), scope)
        page._dashboard_charts = results
    return results


def result_for(value, context) -> ChartResult:
    """This block's result: from its page's charts when it is one of them, else on its own
    (the block preview in the editor, or a block rendered outside a page)."""
    page = context.get("page")
    if page is not None and hasattr(page, "_meta"):
        results = page_charts(page, context.get("request"))
        for result in results:
            if result.value is value:
                return result
        for result in results:
            if chart_keys(result.value) == chart_keys(value):
                return result
    return compute_charts([value])[0]


def _csv_url(page, result: ChartResult, request) -> str:
    if page is None or not getattr(page, "pk", None) or not page.live:
        return ""
    if request is not None and getattr(request, "is_preview", False):
        return ""
    from django.urls import reverse

    name = "dashboards:staff_chart_csv" if _for_staff(page) else "dashboards:chart_csv"
    return reverse(name, args=[page.pk, result.index])


def chart_context(value, context) -> dict:
    result = result_for(value, context)
    shown = charts.present(value, result.tables) if not result.error else None
    chart_id = f"chart-{result.index + 1}"
    return {
        "chart_id": chart_id,
        "data_id": f"{chart_id}-data",
        "error": result.error,
        "shown": shown,
        "csv_url": _csv_url(context.get("page"), result, context.get("request")) if shown else "",
    }
