"""Figures read from the kept counts (``dashboards.models.counts``) where those can answer.

The counts hold cases by month of entry and placements by month of start, per city, gender,
age group at entry and residence status (``dashboards.counts`` keeps them up to date on every
write). They answer entries, placements (all, work, training, first labour market), the
placement rate and the median months to placement, with those breakdowns and filters, for
whole months. Everything else is counted from the records (``live``): active participants,
transfers and exchanges, the partner breakdown, a staff reader's own cases and date ranges that
start or end inside a month. Both give the same numbers (``tests/dashboards/test_kept_counts``).
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, Sum

from .. import periods as period_kinds
from ..models.counts import CaseCount, MonthsToPlacementCount, PlacementCount
from .dateparts import period_expression
from .expressions import category_key
from .live import Result, Stat, _add_margins, rate
from .registry import MEDIAN, RATE, Measure
from .tables import Filters

CASE_MEASURES = ("participants_entered", "placement_rate", "median_months_to_placement")
BREAKDOWNS = {
    "none": None,
    "gender": "gender",
    "age_group": "age_group",
    "residence_status": "residence_status",
    "city": "city_id",
}


def _whole_months(first, last) -> bool:
    return (first is None or first.day == 1) and (last is None or (last + timedelta(1)).day == 1)


def answers(measure: Measure, filters: Filters, period: str | None, breakdown: str) -> bool:
    """Whether the kept counts hold this figure exactly."""
    if not getattr(settings, "DASHBOARDS_KEPT_COUNTS", True):
        return False
    if measure.active or measure.until_today or filters.cases is not None:
        return False
    if measure.source == "case" and measure.key not in CASE_MEASURES:
        return False
    if measure.source not in ("case", "placement") or breakdown not in BREAKDOWNS:
        return False
    if not _whole_months(filters.date_from, filters.date_to):
        return False
    if period == "funding_period":
        return all(_whole_months(p.start, p.end) for p in period_kinds.funding_periods())
    return True


def _queryset(measure: Measure, filters: Filters, period: str | None):
    model = CaseCount if measure.source == "case" else PlacementCount
    if measure.kind == MEDIAN:
        model = MonthsToPlacementCount
    queryset = model.objects.all()
    if measure.condition is not None:  # the placement's kind and labour market, kept as such
        queryset = queryset.filter(measure.condition)
    if filters.date_from:
        queryset = queryset.filter(month__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(month__lte=filters.date_to)
    if period == "funding_period":
        within = Q(pk__in=[])
        for funding in period_kinds.funding_periods():
            within |= Q(month__range=(funding.start, funding.end))
        queryset = queryset.filter(within)
    if filters.city is not None:
        queryset = queryset.filter(city_id=filters.city)
    if filters.gender:
        queryset = queryset.filter(gender=filters.gender)
    if filters.age_group:
        queryset = queryset.filter(age_group=filters.age_group)
    return queryset


def _dims(queryset, period, breakdown):
    dims = []
    if period:
        queryset = queryset.annotate(_period=period_expression(period, "month"))
        dims.append("_period")
    if BREAKDOWNS[breakdown]:
        dims.append(BREAKDOWNS[breakdown])
        if breakdown == "city":
            dims.append("city__name")
    return queryset, dims


def _key(row: dict, period, breakdown, labels) -> tuple[str | None, str | None]:
    period_key = period_kinds.bucket_key(period, row["_period"]) if period else None
    category = None
    if BREAKDOWNS[breakdown]:
        category = category_key(breakdown, row[BREAKDOWNS[breakdown]])
        if breakdown == "city":
            labels[category] = row["city__name"]
    return period_key, category


def compute_counted(measure: Measure, filters: Filters, period, breakdown) -> Result:
    queryset, dims = _dims(_queryset(measure, filters, period), period, breakdown)
    if measure.kind == MEDIAN:
        return _median(queryset, dims, period, breakdown)
    if measure.kind == RATE:
        aggregates = {"den": Sum("n"), "num": Sum("n", filter=Q(placed=True))}
    else:
        aggregates = {"n": Sum("n")}

    def stat(row) -> Stat:
        if measure.kind == RATE:
            return rate(row["num"] or 0, row["den"] or 0)
        return Stat(row["n"] or 0)

    stats, labels = {}, {}
    if not dims:
        total = queryset.aggregate(**aggregates)
        stats[(None, None)] = stat(total)
        return Result(stats, labels, [])
    for row in queryset.values(*dims).annotate(**aggregates).order_by(*dims):
        if period and row["_period"] is None:
            continue
        stats[_key(row, period, breakdown, labels)] = stat(row)
    periods_seen = sorted({key[0] for key in stats if key[0] is not None})
    _add_margins(stats, measure.kind, period, breakdown)
    return Result(stats, labels, periods_seen)


def median(histogram: dict[int, int]) -> Stat:
    """The median of months given as {months: people}: the middle value, or the mean of the
    middle two (as the live query takes them)."""
    size = sum(histogram.values())
    middle = [(size - 1) // 2, size // 2]  # 0-based positions in the sorted values
    values, seen = [], 0
    for months in sorted(histogram):
        following = seen + histogram[months]
        values += [months for position in middle if seen <= position < following]
        seen = following
    return Stat(round(sum(values) / len(values), 1), None, size)


def _median(queryset, dims, period, breakdown) -> Result:
    histograms: dict[tuple, dict[int, int]] = {}
    labels: dict[str, str] = {}
    for row in queryset.values(*dims, "months").annotate(people=Sum("n")).order_by(*dims):
        if period and row["_period"] is None:
            continue
        full = _key(row, period, breakdown, labels)
        # The groups the live query ranks in: the full one, per period, and all.
        for key in {full, (full[0], None) if period else full, (None, None)}:
            histogram = histograms.setdefault(key, {})
            histogram[row["months"]] = histogram.get(row["months"], 0) + row["people"]
    stats = {key: median(histogram) for key, histogram in histograms.items() if histogram}
    periods_seen = sorted({key[0] for key in stats if key[0] is not None})
    return Result(stats, labels, periods_seen)
