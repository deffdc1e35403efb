"""Figures from ``HistoricalFigure``: published results, read as they were published.

Each figure has its own period, so a table's periods are the figures' periods (whatever period
kind was asked for). Categories nobody published are left out rather than shown as zero, and a
total is the published overall figure, not the sum of the published categories.
"""

from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import HistoricalFigure
from .live import Result, Stat
from .registry import COUNT, Measure
from .tables import Filters, MetricError


def _number(value: Decimal, kind: str):
    if kind == COUNT and value == value.to_integral_value():
        return int(value)
    return float(value)


def compute_historical(measure: Measure, filters: Filters, period, breakdown) -> Result:
    figures = HistoricalFigure.objects.for_measure(measure.key)
    if filters.city is not None:
        figures = figures.filter(city_id=filters.city)
    if filters.date_from:
        figures = figures.filter(period_start__gte=filters.date_from)
    if filters.date_to:
        figures = figures.filter(period_end__lte=filters.date_to)
    filtered = False
    for name in ("gender", "age_group"):
        value = getattr(filters, name)
        if value and breakdown != "none":
            raise MetricError(
                _("Historical figures cannot be filtered and broken down at the same time.")
            )
        if value:
            breakdown, figures = name, figures.filter(breakdown_value=value)
            filtered = True
    by_city = breakdown == "city"
    figures = figures.filter(breakdown__in={"none", "none" if by_city else breakdown})
    group = ["period_start", "period_end", "breakdown", "breakdown_value"]
    if by_city:
        group += ["city_id", "city__name"]
    rows = figures.values(*group).annotate(total=Sum("value"), cities=Count("city", distinct=True))
    stats, labels, period_labels = {}, {}, {}
    for row in rows.order_by(*group):
        if measure.kind != COUNT and row["cities"] > 1:
            raise MetricError(_("Rates of several cities cannot be added up; choose a city."))
        period_key = f"{row['period_start']}/{row['period_end']}"
        period_labels[period_key] = "–".join(
            date_format(row[day], "SHORT_DATE_FORMAT") for day in ("period_start", "period_end")
        )
        category = str(row["city_id"]) if by_city else (row["breakdown_value"] or None)
        if by_city:
            labels[category] = row["city__name"]
        if filtered or (row["breakdown"] == "none" and not by_city):
            category = None
        stats[(period_key, category)] = Stat(_number(row["total"], measure.kind))
    if by_city:
        _add_city_totals(stats)
    periods = sorted(period_labels)
    if period is None:
        if len(periods) > 1:
            raise MetricError(
                _("The historical figures cover several periods; choose a period or a date range.")
            )
        stats = {(None, category): stat for (_period, category), stat in stats.items()}
    additive = _adds_up(stats)
    return Result(
        stats,
        labels,
        periods if period else [],
        period_labels if period else None,
        additive=additive,
        published_only=True,
    )


def _add_city_totals(stats) -> None:
    for period_key in {p for p, _c in stats}:
        stats[(period_key, None)] = Stat(
            sum(s.value for (p, c), s in stats.items() if p == period_key and c)
        )


def _adds_up(stats) -> bool:
    """Whether every period's categories add up to its total (they often do not: a report may
    give the under-25s without the other age groups)."""
    for period_key in {p for p, _c in stats}:
        parts = [s.value for (p, c), s in stats.items() if p == period_key and c]
        total = stats.get((period_key, None))
        if parts and (total is None or sum(parts) != total.value):
            return False
    return True
