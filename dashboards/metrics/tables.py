"""What a computed figure looks like: a table of cells, each a value with its provenance."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .registry import Measure


class MetricError(ValueError):
    """A figure cannot be computed as asked; the message says why, in the user's language."""


@dataclass(frozen=True)
class Filters:
    city: int | None = None
    gender: str | None = None
    age_group: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    # Staff dashboards: only these cases (a ``Case`` queryset) count; None counts every case.
    # Left out of comparisons and keys: a cache key names the scope itself (``dashboards.cache``).
    cases: Any = field(default=None, compare=False, repr=False)


def suppression_threshold() -> int:
    return getattr(settings, "DASHBOARDS_SUPPRESSION_THRESHOLD", 5)


PRIMARY, SECONDARY = "primary", "secondary"


@dataclass
class Cell:
    """One figure. ``key`` is the category's stable key ("" for a total), ``period`` the period
    bucket's key (``2009-03``, ``2009-Q1``, ``2009``, a funding period's key) or None.

    For a rate, ``value`` is a percentage and ``numerator``/``denominator`` the counts; for a
    median, ``denominator`` is the number of participants it is the median of.
    """

    label: str
    value: float | int | None
    numerator: int | None = None
    denominator: int | None = None
    suppressed: bool = False
    key: str = ""
    period: str | None = None
    period_label: str | None = None
    suppression: str = ""  # PRIMARY (a small count) or SECONDARY (hides another one)

    @property
    def display(self) -> str:
        """The value as published: hidden small counts as "<5", other hidden cells as "x"."""
        if self.suppressed:
            if self.suppression == PRIMARY:
                return f"<{suppression_threshold()}"
            return "x"
        if self.value is None:
            return "–"
        if isinstance(self.value, float):
            return f"{self.value:.1f}"
        return str(self.value)


@dataclass
class Table:
    """A measure's cells by breakdown and/or period.

    ``rows`` is flat: one cell per category (``period`` None) when there is no period; one per
    period bucket (``key`` "") for a period alone; one per (period bucket, category) for both,
    ordered by period, then category, with ``period_totals`` holding each bucket's total.
    ``total`` covers everything in the table's range. ``additive`` is False where one record
    may count in several categories (participants by partner), so the rows do not add up to
    the total; ``periods_additive`` likewise for periods (someone active in several months).
    ``note`` explains an empty table.
    """

    measure: Measure
    breakdown: str
    period: str | None
    rows: list[Cell]
    total: Cell | None
    source: str = "live"
    filters: Filters = field(default_factory=Filters)
    period_totals: list[Cell] = field(default_factory=list)
    additive: bool = True
    periods_additive: bool = True  # False where a record counts in several periods (active)
    note: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(cell.value for cell in self.rows)

    @property
    def categories(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for cell in self.rows:
            seen.setdefault(cell.key, cell.label)
        return list(seen.items())

    @property
    def periods(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for cell in self.rows:
            if cell.period is not None:
                seen.setdefault(cell.period, cell.period_label or cell.period)
        return list(seen.items())

    def cell(self, period: str | None, key: str) -> Cell | None:
        for cell in self.rows:
            if cell.period == period and cell.key == key:
                return cell
        return None

    def cells(self) -> list[Cell]:
        """Every cell published with the table: rows, period totals and the total."""
        return self.rows + self.period_totals + ([self.total] if self.total else [])


EMPTY_NOTE = _("No data for this selection.")
