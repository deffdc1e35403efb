"""Figures computed from the casework records: each measure one aggregate query.

The database groups and counts; Python only arranges the few aggregated rows into a table (and,
for a median, averages the one or two middle values the query returns per group). Where the
counts kept on write hold a figure exactly (``counted.answers``), it is read from them instead.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Abs, Least, RowNumber

from casework.models import Case, Exchange, Placement, Transfer

from .. import periods as period_kinds
from .dateparts import Month, Year, period_expression
from .expressions import age_group, category_expression, category_key
from .registry import CASE_PATHS, COUNT, MEDIAN, RATE, Measure
from .tables import Filters

MODELS = {"case": Case, "placement": Placement, "transfer": Transfer, "exchange": Exchange}


@dataclass
class Stat:
    value: float | int | None
    numerator: int | None = None
    denominator: int | None = None


def rate(numerator: int, denominator: int) -> Stat:
    value = round(100 * numerator / denominator, 1) if denominator else None
    return Stat(value, numerator, denominator)


def add(stats: list[Stat], kind: str) -> Stat:
    if kind == RATE:
        return rate(sum(s.numerator or 0 for s in stats), sum(s.denominator or 0 for s in stats))
    return Stat(sum(s.value or 0 for s in stats))


@dataclass
class Result:
    """Aggregated figures keyed by (period bucket or None, category key or None); None means
    "all of them"."""

    stats: dict[tuple[str | None, str | None], Stat]
    labels: dict[str, str]  # category key -> label read from the database (cities, partners)
    periods_seen: list[str]
    period_labels: dict[str, str] | None = None  # periods of their own (historical figures)
    additive: bool = True
    published_only: bool = False  # historical: unpublished categories are unknown, not zero


def base_queryset(measure: Measure, filters: Filters, today: date, period: str | None):
    queryset = MODELS[measure.source].objects.all()
    if measure.condition is not None:
        queryset = queryset.filter(measure.condition)
    case_path = CASE_PATHS[measure.source]
    if measure.active:
        start, end = active_range(filters, today)
        queryset = queryset.filter(date_of_entry__lte=end).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gte=start)
        )
    else:
        field = measure.date_field
        if filters.date_from:
            queryset = queryset.filter(**{f"{field}__gte": filters.date_from})
        if filters.date_to:
            queryset = queryset.filter(**{f"{field}__lte": filters.date_to})
        if measure.until_today:
            queryset = queryset.filter(**{f"{field}__lte": today})
        if period == "funding_period":  # the periods may leave gaps: count what they cover
            within = Q(pk__in=[])
            for funding in period_kinds.funding_periods():
                within |= Q(**{f"{field}__range": (funding.start, funding.end)})
            queryset = queryset.filter(within)
    if filters.cases is not None:
        queryset = queryset.filter(**{f"{case_path}pk__in": filters.cases.values("pk")})
    if filters.city is not None:
        queryset = queryset.filter(**{f"{case_path}city_id": filters.city})
    if filters.gender:
        queryset = queryset.filter(**{f"{case_path}gender": filters.gender})
    if filters.age_group:
        queryset = queryset.alias(_age_group=age_group(case_path)).filter(
            _age_group=filters.age_group
        )
    return queryset


def active_range(filters: Filters, today: date) -> tuple[date, date]:
    end = filters.date_to or today
    if filters.date_from:
        return filters.date_from, end
    if filters.date_to:
        return end, end
    return today, today


def _aggregates(measure: Measure, distinct: bool) -> dict:
    if measure.kind == RATE:
        placed = Exists(Placement.objects.filter(case=OuterRef("pk")))
        return {"den": Count("pk"), "num": Count("pk", filter=Q(placed))}
    return {"n": Count("pk", distinct=distinct)}


def _stat(measure: Measure, row: dict) -> Stat:
    if measure.kind == RATE:
        return rate(row["num"], row["den"])
    return Stat(row["n"])


def _group(queryset, measure, period, breakdown):
    """Annotate the grouping columns; returns the queryset, the column names and the label
    field (if the labels are read from the database)."""
    dims, label_field = [], None
    if period:
        queryset = queryset.annotate(_period=period_expression(period, measure.date_field))
        dims.append("_period")
    if breakdown != "none":
        expression, label_field = category_expression(measure, breakdown)
        queryset = queryset.annotate(_category=expression)
        dims.append("_category")
        if label_field:
            dims.append(label_field)
    return queryset, dims, label_field


def _keys(row: dict, period, breakdown, label_field, labels) -> tuple[str | None, str | None]:
    period_key = period_kinds.bucket_key(period, row["_period"]) if period else None
    category = None
    if breakdown != "none":
        category = category_key(breakdown, row["_category"])
        if label_field:
            labels[category] = row[label_field]
    return period_key, category


def compute_grouped(measure, filters, period, breakdown, today) -> Result:
    """Counts and rates: GROUP BY period and category in one query. Where a record may fall
    into several categories (cases by partner) the totals are counted by their own query."""
    additive = not (breakdown == "partner" and measure.source == "case")
    queryset = base_queryset(measure, filters, today, period)
    grouped, dims, label_field = _group(queryset, measure, period, breakdown)
    aggregates = _aggregates(measure, distinct=not additive)
    rows = grouped.values(*dims).annotate(**aggregates).order_by(*dims) if dims else None
    stats, labels = {}, {}
    if rows is None:
        stats[(None, None)] = _stat(measure, queryset.aggregate(**aggregates))
        return Result(stats, labels, [])
    for row in rows:
        if period and row["_period"] is None:
            continue
        stats[_keys(row, period, breakdown, label_field, labels)] = _stat(measure, row)
    periods_seen = sorted({key[0] for key in stats if key[0] is not None})
    if additive:
        _add_margins(stats, measure.kind, period, breakdown)
    else:
        stats[(None, None)] = _stat(measure, queryset.aggregate(**aggregates))
        if period:
            by_period, _dims, _label = _group(queryset, measure, period, "none")
            for row in by_period.values("_period").annotate(**aggregates).order_by("_period"):
                key = period_kinds.bucket_key(period, row["_period"])
                stats[(key, None)] = _stat(measure, row)
    return Result(stats, labels, periods_seen)


def _add_margins(stats, kind, period, breakdown) -> None:
    leaves = dict(stats)
    if period and breakdown != "none":
        for period_key in {p for p, _c in leaves}:
            stats[(period_key, None)] = add(
                [s for (p, _c), s in leaves.items() if p == period_key], kind
            )
        for category in {c for _p, c in leaves}:
            stats[(None, category)] = add(
                [s for (_p, c), s in leaves.items() if c == category], kind
            )
    stats[(None, None)] = add(list(leaves.values()), kind)


def compute_active(measure, filters, period, breakdown, today) -> Result:
    """Active participants: with periods, one conditional count per period bucket (someone is
    active in every bucket their case was open in), all in the same query."""
    queryset = base_queryset(measure, filters, today, None)
    start, end = active_range(filters, today)
    buckets = period_kinds.buckets_between(period, start, end) if period else []
    aggregates = {"n": Count("pk", distinct=True)}
    for index, (_key, first, last) in enumerate(buckets):
        aggregates[f"b{index}"] = Count(
            "pk",
            filter=Q(date_of_entry__lte=last)
            & (Q(closed_on__isnull=True) | Q(closed_on__gte=first)),
            distinct=True,
        )
    grouped, dims, label_field = _group(queryset, measure, None, breakdown)
    stats, labels = {}, {}
    rows = list(grouped.values(*dims).annotate(**aggregates).order_by(*dims)) if dims else []
    additive = breakdown != "partner"
    if not dims or not additive:
        rows.append({**queryset.aggregate(**aggregates), "_total": True})
    for row in rows:
        category = None
        if not row.get("_total"):
            category = _keys(row, None, breakdown, label_field, labels)[1]
        stats[(None, category)] = Stat(row["n"])
        for index, (key, _first, _last) in enumerate(buckets):
            stats[(key, category)] = Stat(row[f"b{index}"])
    if dims and additive:
        for key in [None] + [key for key, _first, _last in buckets]:
            stats[(key, None)] = add([s for (p, c), s in stats.items() if p == key and c], COUNT)
    return Result(stats, labels, [key for key, _first, _last in buckets])


def compute_median(measure, filters, period, breakdown, today) -> Result:
    """Median months to the first placement, in one query: the months per placed case, ranked
    by window functions within each group; only the middle one or two rows come back."""
    queryset = base_queryset(measure, filters, today, period)
    first_placed = Subquery(
        Placement.objects.filter(case=OuterRef("pk")).order_by("starts_on").values("starts_on")[:1]
    )
    queryset = queryset.annotate(_first=first_placed).filter(_first__isnull=False)
    queryset = queryset.annotate(
        _months=(Year("_first") - Year("date_of_entry")) * 12
        + Month("_first")
        - Month("date_of_entry")
    )
    grouped, dims, label_field = _group(queryset, measure, period, breakdown)
    group_dims = [d for d in dims if d in ("_period", "_category")]
    partitions = [group_dims]
    if len(group_dims) == 2:
        partitions.append(["_period"])
    if group_dims:
        partitions.append([])
    windows, distances = {}, []
    for index, partition in enumerate(partitions):
        over = {"partition_by": [F(d) for d in partition]} if partition else {}
        windows[f"_rank{index}"] = Window(RowNumber(), order_by=F("_months").asc(), **over)
        windows[f"_size{index}"] = Window(Count("pk"), **over)
        # 0 or 1 for the middle row(s) of the group: |2 * rank - size - 1| <= 1
        distances.append(Abs(F(f"_rank{index}") * 2 - F(f"_size{index}") - 1))
    ranked = grouped.annotate(**windows).alias(
        _distance=Least(*distances) if len(distances) > 1 else distances[0]
    )
    values: dict[tuple, list[int]] = {}
    sizes: dict[tuple, int] = {}
    labels: dict[str, str] = {}
    for row in ranked.filter(_distance__lte=1).values(*dims, "_months", *windows):
        if period and row["_period"] is None:
            continue
        full_key = _keys(row, period, breakdown, label_field, labels)
        for index, partition in enumerate(partitions):
            rank, size = row[f"_rank{index}"], row[f"_size{index}"]
            if abs(2 * rank - size - 1) > 1:
                continue
            key = (
                full_key[0] if "_period" in partition else None,
                full_key[1] if "_category" in partition else None,
            )
            values.setdefault(key, []).append(row["_months"])
            sizes[key] = size
    stats = {
        key: Stat(round(sum(months) / len(months), 1), None, sizes[key])
        for key, months in values.items()
    }
    periods_seen = sorted({key[0] for key in stats if key[0] is not None})
    return Result(stats, labels, periods_seen)


def compute_live(measure: Measure, filters: Filters, period, breakdown, today) -> Result:
    from .counted import answers, compute_counted

    if answers(measure, filters, period, breakdown):
        return compute_counted(measure, filters, period, breakdown)
    if measure.active:
        return compute_active(measure, filters, period, breakdown, today)
    if measure.kind == MEDIAN:
        return compute_median(measure, filters, period, breakdown, today)
    return compute_grouped(measure, filters, period, breakdown, today)
