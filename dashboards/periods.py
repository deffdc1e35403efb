"""The periods figures are grouped by: calendar months, quarters and years, and funding periods.

Funding periods come from the setting ``DASHBOARDS_FUNDING_PERIODS`` (a list of dicts with
``key``, ``label``, ``start`` and ``end``, dates inclusive); the default holds the two periods of
the Wuppertal network: the first (01.10.2008–31.10.2010) and its three-year extension.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Case, CharField, DateField, Expression, Q, Value, When
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from casework.dates import add_months


@dataclass(frozen=True)
class Period:
    key: str
    label: str


@dataclass(frozen=True)
class FundingPeriod:
    key: str
    label: str
    start: date
    end: date


PERIODS: dict[str, Period] = {
    "month": Period("month", _("month")),
    "quarter": Period("quarter", _("quarter")),
    "year": Period("year", _("year")),
    "funding_period": Period("funding_period", _("funding period")),
}

DEFAULT_FUNDING_PERIODS = [
    {
        "key": "2008-2010",
        "label": _("First funding period (10/2008–10/2010)"),
        "start": date(2008, 10, 1),
        "end": date(2010, 10, 31),
    },
    {
        "key": "2010-2013",
        "label": _("Second funding period (11/2010–10/2013)"),
        "start": date(2010, 11, 1),
        "end": date(2013, 10, 31),
    },
]

_TRUNCATIONS = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}


def funding_periods() -> list[FundingPeriod]:
    configured = getattr(settings, "DASHBOARDS_FUNDING_PERIODS", DEFAULT_FUNDING_PERIODS)
    return [FundingPeriod(**entry) for entry in configured]


def period_expression(kind: str, field: str) -> Expression:
    """The SQL expression that puts a row into its period: a date truncation, or for funding
    periods the key of the period the date falls into (NULL outside every period)."""
    if kind in _TRUNCATIONS:
        return _TRUNCATIONS[kind](field, output_field=DateField())
    return Case(
        *[
            When(Q(**{f"{field}__range": (period.start, period.end)}), then=Value(period.key))
            for period in funding_periods()
        ],
        default=Value(None),
        output_field=CharField(),
    )


def bucket_key(kind: str, value) -> str:
    """A stable text key for a period bucket: ``2009-03``, ``2009-Q1``, ``2009`` or the funding
    period's key."""
    if kind == "funding_period":
        return str(value)
    if isinstance(value, str):  # some backends hand back truncated dates as text
        value = date.fromisoformat(value[:10])
    if kind == "month":
        return f"{value.year}-{value.month:02d}"
    if kind == "quarter":
        return f"{value.year}-Q{(value.month - 1) // 3 + 1}"
    return str(value.year)


def bucket_start(kind: str, key: str) -> date:
    if kind == "month":
        year, month = key.split("-")
        return date(int(year), int(month), 1)
    if kind == "quarter":
        year, quarter = key.split("-Q")
        return date(int(year), (int(quarter) - 1) * 3 + 1, 1)
    return date(int(key), 1, 1)


def bucket_label(kind: str, key: str) -> str:
    if kind == "funding_period":
        for period in funding_periods():
            if period.key == key:
                return str(period.label)
        return key
    if kind == "month":
        return date_format(bucket_start(kind, key), "YEAR_MONTH_FORMAT")
    if kind == "quarter":
        year, quarter = key.split("-Q")
        return str(_("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year})
    return key


def _step(kind: str) -> int:
    return {"month": 1, "quarter": 3, "year": 12}[kind]


def buckets_between(kind: str, first: date, last: date) -> list[tuple[str, date, date]]:
    """Every bucket from the one holding ``first`` to the one holding ``last``: key, first day,
    last day (inclusive). Funding periods: those overlapping the range."""
    if kind == "funding_period":
        return [
            (period.key, period.start, period.end)
            for period in funding_periods()
            if period.start <= last and period.end >= first
        ]
    buckets = []
    start = bucket_start(kind, bucket_key(kind, first))
    while start <= last:
        following = add_months(start, _step(kind))
        buckets.append(
            (bucket_key(kind, start), start, date.fromordinal(following.toordinal() - 1))
        )
        start = following
    return buckets


def partitions_range(kind: str) -> bool:
    """Whether the buckets of ``kind`` cover every date, so a figure is the sum of its buckets
    (funding periods may leave gaps)."""
    return kind in _TRUNCATIONS
