"""Years, months and days of a date, and a date's period, in SQL the database computes itself.

On SQLite Django computes ``Extract*`` and ``Trunc*`` with functions written in Python
(``django_date_extract``, ``django_date_trunc``), called once for every row and part: over a
million cases that is seconds a chart. SQLite's own ``strftime`` and ``date`` give the same
values for dates (the figures group by date columns only) in a fraction of the time. Other
databases keep Django's SQL.
"""

from django.db.models import DateField
from django.db.models.functions import (
    ExtractDay,
    ExtractMonth,
    ExtractYear,
    TruncMonth,
    TruncQuarter,
    TruncYear,
)

from .. import periods as period_kinds


class _SqliteExtract:
    part = ""  # the strftime format of the part

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(strftime('{self.part}', {sql}) AS INTEGER)", params


class Year(_SqliteExtract, ExtractYear):
    part = "%%Y"


class Month(_SqliteExtract, ExtractMonth):
    part = "%%m"


class Day(_SqliteExtract, ExtractDay):
    part = "%%d"


class YearStart(TruncYear):
    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"date({sql}, 'start of year')", params


class MonthStart(TruncMonth):
    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"date({sql}, 'start of month')", params


class QuarterStart(TruncQuarter):
    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        months_back = f"(CAST(strftime('%%m', {sql}) AS INTEGER) - 1) %% 3"
        return (
            f"date({sql}, 'start of month', '-' || ({months_back}) || ' months')",
            (*params, *params),
        )


TRUNCATIONS = {"month": MonthStart, "quarter": QuarterStart, "year": YearStart}


def period_expression(kind: str, field: str):
    """``periods.period_expression``, with calendar periods from ``TRUNCATIONS``."""
    if kind in TRUNCATIONS:
        return TRUNCATIONS[kind](field, output_field=DateField())
    return period_kinds.period_expression(kind, field)
