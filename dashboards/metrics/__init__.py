"""Named outcome measures computed in the database, each defined once (see ``registry``).

``compute(measure, breakdown, period, filters, source)`` returns a ``Table``; ``MetricError``
(a ``ValueError`` with a translated message) says why a figure cannot be computed as asked.
"""

from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import periods as period_kinds
from ..periods import PERIODS
from .expressions import fixed_categories, open_label
from .registry import AGE_GROUPS, BREAKDOWNS, MEASURES, MEDIAN, RATE, Breakdown, Measure
from .tables import EMPTY_NOTE, Cell, Filters, MetricError, Table

__all__ = [
    "AGE_GROUPS",
    "BREAKDOWNS",
    "MEASURES",
    "PERIODS",
    "Breakdown",
    "Cell",
    "Filters",
    "Measure",
    "MetricError",
    "Table",
    "compute",
]

SOURCES = ("live", "historical")


def max_range_years() -> int:
    return getattr(settings, "DASHBOARDS_MAX_RANGE_YEARS", 30)


def compute(
    measure_key: str,
    breakdown: str = "none",
    period: str | None = None,
    filters: Filters = Filters(),  # noqa: B008 (frozen, so a shared default is safe)
    source: str = "live",
    today: date | None = None,
) -> Table:
    measure = check(measure_key, breakdown, period, filters, source)
    today = today or timezone.localdate()
    category_breakdown = _category_breakdown(measure, breakdown)
    if source == "historical":
        from .historical import compute_historical

        result = compute_historical(measure, filters, period, category_breakdown)
    else:
        from .live import compute_live

        result = compute_live(measure, filters, period, category_breakdown, today)
    table = build_table(measure, breakdown, category_breakdown, period, filters, result, source)
    table.additive = result.additive
    if source == "live":
        table.additive = not (category_breakdown == "partner" and measure.source == "case")
        table.periods_additive = not measure.active
    return table


def _category_breakdown(measure: Measure, breakdown: str) -> str:
    if measure.fixed_breakdown and breakdown in ("none", "period"):
        return measure.fixed_breakdown
    return "none" if breakdown == "period" else breakdown


def check(measure_key, breakdown, period, filters: Filters, source) -> Measure:
    """The measure, once every argument is known to make sense; else ``MetricError``."""
    from casework.models import Gender

    measure = MEASURES.get(measure_key)
    if measure is None:
        raise MetricError(
            _("There is no measure “%(key)s” (it may have been removed).") % {"key": measure_key}
        )
    if source not in SOURCES:
        raise MetricError(_("Unknown source of figures: “%(source)s”.") % {"source": source})
    if breakdown not in BREAKDOWNS:
        raise MetricError(_("Unknown breakdown: “%(key)s”.") % {"key": breakdown})
    if breakdown not in measure.breakdowns:
        raise MetricError(
            _("“%(measure)s” cannot be broken down by %(breakdown)s.")
            % {"measure": measure.label, "breakdown": BREAKDOWNS[breakdown].label}
        )
    if period is not None and period not in PERIODS:
        raise MetricError(_("Unknown period: “%(key)s”.") % {"key": period})
    if breakdown == "period" and period is None:
        raise MetricError(_("Choose a period (month, quarter, year) to break down by period."))
    if filters.gender and filters.gender not in Gender.values:
        raise MetricError(
            _("Unknown gender in the filter: “%(value)s”.") % {"value": filters.gender}
        )
    if filters.age_group and filters.age_group not in AGE_GROUPS:
        raise MetricError(
            _("Unknown age group in the filter: “%(value)s”.") % {"value": filters.age_group}
        )
    _check_city(filters.city)
    _check_dates(filters)
    return measure


def _check_city(city) -> None:
    if city is None:
        return
    from partners.models import City

    if not isinstance(city, int) or not City.objects.filter(pk=city).exists():
        raise MetricError(_("There is no city with the id “%(value)s”.") % {"value": city})


def _check_dates(filters: Filters) -> None:
    for day in (filters.date_from, filters.date_to):
        if day is not None and not (1900 <= day.year <= 2100):
            raise MetricError(
                _("Dates must lie between 1900 and 2100 (got %(day)s).") % {"day": day}
            )
    if filters.date_from and filters.date_to:
        if filters.date_from > filters.date_to:
            raise MetricError(_("The start of the date range lies after its end."))
        if (filters.date_to - filters.date_from).days > max_range_years() * 366:
            raise MetricError(
                _("The date range is too long: at most %(years)d years.")
                % {"years": max_range_years()}
            )


def _zero(measure: Measure):
    from .live import Stat

    if measure.kind == RATE:
        return Stat(None, 0, 0)
    if measure.kind == MEDIAN:
        return Stat(None, None, 0)
    return Stat(0)


def _period_keys(period, filters: Filters, result) -> list[str]:
    if period is None:
        return []
    if result.period_labels is not None:
        return result.periods_seen
    if period == "funding_period":
        first = filters.date_from or date(1900, 1, 1)
        last = filters.date_to or date(2100, 12, 31)
        return [key for key, _first, _last in period_kinds.buckets_between(period, first, last)]
    seen = result.periods_seen
    if not seen and not (filters.date_from and filters.date_to):
        return []
    first = filters.date_from or period_kinds.bucket_start(period, seen[0])
    last = filters.date_to or period_kinds.bucket_start(period, seen[-1])
    if seen:
        first = min(first, period_kinds.bucket_start(period, seen[0]))
        last = max(last, period_kinds.bucket_start(period, seen[-1]))
    if (last - first).days > max_range_years() * 366:
        raise MetricError(
            _("The figures span more than %(years)d years; choose a date range.")
            % {"years": max_range_years()}
        )
    return [key for key, _first, _last in period_kinds.buckets_between(period, first, last)]


def _fixed(breakdown: str, result) -> list[tuple[str, str]] | None:
    """The closed list of categories; for historical figures only those published (a missing
    category is unknown, not zero)."""
    categories = fixed_categories(breakdown)
    if categories and result.published_only:
        published = {key for _period, key in result.stats if key}
        categories = [(key, label) for key, label in categories if key in published]
    return categories


def build_table(measure, breakdown, category_breakdown, period, filters, result, source) -> Table:
    zero = _zero(measure)

    def period_label(period_key):
        if result.period_labels is not None:
            return result.period_labels[period_key]
        return period_kinds.bucket_label(period, period_key)

    def cell(key, label, period_key=None, category=None):
        stat = result.stats.get((period_key, category), zero)
        return Cell(
            label=label,
            value=stat.value,
            numerator=stat.numerator,
            denominator=stat.denominator,
            key=key,
            period=period_key,
            period_label=period_label(period_key) if period_key else None,
        )

    categories = []
    if category_breakdown != "none":
        categories = _fixed(category_breakdown, result) or sorted(
            result.labels.items(), key=lambda item: str(item[1])
        )
        categories = [
            (key, open_label(category_breakdown, key, label)) for key, label in categories
        ]
    period_keys = _period_keys(period, filters, result)
    rows, period_totals = [], []
    for period_key in period_keys:
        if categories:
            rows += [cell(key, label, period_key, key) for key, label in categories]
            period_totals.append(cell("", str(_("Total")), period_key))
        else:
            rows.append(cell("", period_label(period_key), period_key))
    if not period:
        if categories:
            rows = [cell(key, label, None, key) for key, label in categories]
        else:
            rows = [cell("", str(measure.label))]
    table = Table(
        measure=measure,
        breakdown=category_breakdown if category_breakdown != "none" else breakdown,
        period=period,
        rows=rows,
        total=cell("", str(_("Total"))),
        source=source,
        filters=filters,
        period_totals=period_totals,
    )
    if table.is_empty:
        table.note = str(EMPTY_NOTE)
    return table
