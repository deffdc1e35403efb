"""Years, months and days of a date, and a date's period, in SQL the database computes itself.

On SQLite Django computes ``Extract*`` and ``Trunc*`` with functions written in Python
(``django_date_extract``, ``django_date_trunc``), called once for every row and part: over a
million cases that is seconds a chart, and even SQLite's ``strftime`` parses every date. A date
column holds ``YYYY-MM-DD`` text, so its year, month and day are substrings, and its period's
first day is one too: the same values, in a fraction of the time. Datetimes and other
databases keep Django's SQL.
"""

from django.db.models import DateField, DateTimeField
from django.db.models.functions import (
    ExtractDay,
    ExtractMonth,
    ExtractYear,
    TruncMonth,
    TruncQuarter,
    TruncYear,
)

from .. import periods as period_kinds


def _date_sql(compiler, expression):
    """The SQL of a date column as SQLite holds it, ``YYYY-MM-DD`` text; None for anything
    else (a datetime's parts depend on the time zone: Django's functions handle those)."""
    if not isinstance(expression.output_field, DateField) or isinstance(
        expression.output_field, DateTimeField
    ):
        return None
    return compiler.compile(expression)


class _SqliteExtract:
    start, length = 0, 0  # where the part lies in YYYY-MM-DD

    def as_sqlite(self, compiler, connection, **extra_context):
        compiled = _date_sql(compiler, self.lhs)
        if compiled is None:
            return super().as_sqlite(compiler, connection, **extra_context)
        sql, params = compiled
        return f"CAST(substr({sql}, {self.start}, {self.length}) AS INTEGER)", params


class Year(_SqliteExtract, ExtractYear):
    start, length = 1, 4


class Month(_SqliteExtract, ExtractMonth):
    start, length = 6, 2


class Day(_SqliteExtract, ExtractDay):
    start, length = 9, 2


class _SqliteTrunc:
    def as_sqlite(self, compiler, connection, **extra_context):
        compiled = _date_sql(compiler, self.lhs)
        if compiled is None:
            return super().as_sqlite(compiler, connection, **extra_context)
        return self.first_day(*compiled)


class YearStart(_SqliteTrunc, TruncYear):
    def first_day(self, sql, params):
        return f"substr({sql}, 1, 4) || '-01-01'", params


class MonthStart(_SqliteTrunc, TruncMonth):
    def first_day(self, sql, params):
        return f"substr({sql}, 1, 7) || '-01'", params


class QuarterStart(_SqliteTrunc, TruncQuarter):
    def first_day(self, sql, params):
        month = f"((CAST(substr({sql}, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1)"
        return f"substr({sql}, 1, 5) || substr('0' || {month}, -2) || '-01'", (*params, *params)


TRUNCATIONS = {"month": MonthStart, "quarter": QuarterStart, "year": YearStart}


def period_expression(kind: str, field: str):
    """``periods.period_expression``, with calendar periods from ``TRUNCATIONS``."""
    if kind in TRUNCATIONS:
        return TRUNCATIONS[kind](field, output_field=DateField())
    return period_kinds.period_expression(kind, field)
