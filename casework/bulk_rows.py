"""Rows written straight into a model's table, for loading hundreds of thousands at once.

``bulk_create`` builds a model instance per row and prepares every value through its field;
at a million cases (some 20 million rows) that alone takes half an hour. ``RowWriter`` takes
plain tuples in the order of ``columns``, gives them ids of its own (counting on from the
table's highest one) and writes them with one ``executemany`` per table and batch, through
Django's connection, so SQLite and PostgreSQL both work. The caller adapts the values
(``adapt`` below) and keeps to the rules the model's fields would have checked; no signals are
sent. Meant for one transaction: the ids are handed out without locking the table.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max, Model
from django.dispatch import Signal

# Sent (with ``models``, the models written to) once the transaction holding the rows is
# committed: the rows themselves send no signals.
rows_written = Signal()
# Sent inside the writing transaction with ``instances``, after records were saved in bulk and
# each announced with ``post_save(..., bulk=True)``: receivers may skip those and take the set.
bulk_saved = Signal()


class Dates(dict):
    """Dates as the database takes them (``connection.ops``), each worked out once."""

    def __missing__(self, day: date):
        value = self[day] = connection.ops.adapt_datefield_value(day)
        return value


class Table:
    def __init__(self, model: type[Model], columns: Iterable[str]):
        self.model, self.columns = model, tuple(columns)
        expected = {field.attname for field in model._meta.concrete_fields}
        if set(self.columns) != expected or self.columns[0] != model._meta.pk.attname:
            raise ValueError(
                f"{model._meta.label}: give the id first, then every column once; "
                f"missing {sorted(expected - set(self.columns))}, "
                f"unknown {sorted(set(self.columns) - expected)}"
            )
        quote = connection.ops.quote_name
        names = ", ".join(quote(model._meta.get_field(name).column) for name in self.columns)
        values = ", ".join(["%s"] * len(self.columns))
        # The names come from the model's _meta, quoted; the values are parameters.
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({values})"  # noqa: S608
        self.next_id = (model.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        self.rows: list = []

    def add(self, *values) -> list:
        """Queue a row (the values after the id); the row is returned, its id first, and may
        still be changed until it is written."""
        row = [self.next_id, *values]
        self.next_id += 1
        self.rows.append(row)
        return row


class RowWriter:
    """Tables filled in the order they were declared (parents first), on ``flush``."""

    def __init__(self):
        self.tables: dict[str, Table] = {}
        self.written: dict[str, int] = {}

    def table(self, name: str, model: type[Model], columns: Iterable[str]) -> Table:
        self.tables[name] = Table(model, columns)
        self.written[name] = 0
        return self.tables[name]

    def models(self) -> list[type[Model]]:
        return [table.model for table in self.tables.values()]

    def flush(self) -> None:
        with connection.cursor() as cursor:
            for name, table in self.tables.items():
                if table.rows:
                    cursor.executemany(table.sql, table.rows)
                    self.written[name] += len(table.rows)
                    table.rows = []

    def analyze(self) -> None:
        """Update the planner's statistics of the tables written: without them SQLite guesses
        that a city has ten cases and walks 600,000 of them in order rather than looking up
        the few hundred a filter names (``PRAGMA analysis_limit`` keeps it to a sample)."""
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA analysis_limit = 1000")
            for table in self.tables.values():
                cursor.execute(f"ANALYZE {quote(table.model._meta.db_table)}")

    def reset_sequences(self) -> None:
        """Move PostgreSQL's id sequences past the ids given here (SQLite needs nothing)."""
        statements = connection.ops.sequence_reset_sql(no_style(), self.models())
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@contextmanager
def bulk_load():
    """SQLite keeps up to 256 MB of pages in memory meanwhile (the indexes of a million cases
    stay in the cache instead of being read back); the connection's setting is put back after."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {-256 * 1024}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")
