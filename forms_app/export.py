"""Submissions as rows for CSV and XLSX: typed values, spreadsheet-safe text, streamed.

A German office opens a CSV with Excel, which expects ``;`` between cells, a decimal comma and a
byte-order mark to read UTF-8; without them every row lands in one column as garbled text.
``csv_dialect_for`` picks that dialect for German users (and when asked for "CSV for Excel").
XLSX cells carry real dates and numbers (written by ``.xlsx``).
"""

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .columns import AnswerColumn, form_columns
from .registry import plain_display

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ROWS_PER_CHUNK = 500
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def escape_cell(text: str) -> str:
    """Stop spreadsheets from running a cell as a formula (CSV/formula injection)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def display_answer(item, stored) -> str:
    if item is None:
        if isinstance(stored, list) and stored and isinstance(stored[0], dict):
            return " | ".join(", ".join(f"{k}: {v}" for k, v in row.items()) for row in stored)
        if isinstance(stored, dict):
            return str(stored.get("name", stored))
        return plain_display(stored)
    return item.field_type.display(stored, item.value)


def is_empty(stored) -> bool:
    return stored is None or stored == "" or stored == [] or stored == {}


class AnswerFormatter:
    """Formats the answers of one column as text.

    A field type whose display looks something up (a partner's name) is asked once per distinct
    answer (kept in a bounded cache, so memory stays flat on big exports): queries grow with the
    partners named, not with the submissions. Plain types are formatted directly.
    """

    def __init__(self, column: AnswerColumn):
        self.column = column
        item = column.item
        self.plain = item is None or item.field_type.display is plain_display
        self._cached = lru_cache(maxsize=4096)(self._format_marker)

    def _format_marker(self, marker: str) -> str:
        return display_answer(self.column.item, json.loads(marker))

    def __call__(self, stored) -> str:
        if self.plain:
            return display_answer(self.column.item, stored)
        return self._cached(json.dumps(stored, sort_keys=True, default=str))


def typed_answer(column: AnswerColumn, formatter: AnswerFormatter, stored):
    """A number as a number, a date as a date, anything else as (escaped) text."""
    if is_empty(stored):
        return None
    if column.type_name == "number" and not isinstance(stored, bool):
        if isinstance(stored, int | float):
            return stored
        try:
            return Decimal(str(stored))
        except InvalidOperation:
            pass
    elif column.type_name == "date" and isinstance(stored, str):
        try:
            return datetime.date.fromisoformat(stored)
        except ValueError:
            pass
    return escape_cell(formatter(stored))


def form_versions(page) -> dict[int, int]:
    """revision id -> 1, 2, 3…: the published versions of each language version of the form,
    counted from Wagtail's publish log (one query, ids only)."""
    from wagtail.models import PageLogEntry

    numbers: dict[int, int] = {}
    counted: dict[int, int] = {}
    entries = (
        PageLogEntry.objects.filter(
            page__translation_key=page.translation_key,
            action="wagtail.publish",
            revision__isnull=False,
        )
        .order_by("timestamp", "pk")
        .values_list("page_id", "revision_id")
    )
    for page_id, revision_id in entries:
        if revision_id not in numbers:
            counted[page_id] = counted.get(page_id, 0) + 1
            numbers[revision_id] = counted[page_id]
    return numbers


# What a row is read from: cheap to fetch, no model instances (see SubmissionTable.rows).
ROW_FIELDS = ("pk", "submitted_at", "submitted_by__username", "language", "revision_id", "answers")


class SubmissionTable:
    """The export of one form for one request: its columns (read once) and how a submission
    becomes a row of typed cells."""

    def __init__(self, page, columns: list[AnswerColumn] | None = None):
        self.page = page
        self.columns = form_columns(page) if columns is None else columns
        self.formatters = [AnswerFormatter(column) for column in self.columns]
        self.versions = form_versions(page)

    def header(self) -> list[str]:
        return [
            escape_cell(str(text))
            for text in (
                _("Submission number"),
                _("Submitted at"),
                _("Submitted by"),
                _("Language"),
                _("Form version"),
                *(column.heading for column in self.columns),
            )
        ]

    def row(self, pk, submitted_at, username, language, revision_id, answers) -> list:
        answers = answers or {}
        cells = [
            pk,
            timezone.make_naive(submitted_at) if timezone.is_aware(submitted_at) else submitted_at,
            escape_cell(username or ""),
            language,
            self.versions.get(revision_id),
        ]
        for column, formatter in zip(self.columns, self.formatters, strict=True):
            cells.append(typed_answer(column, formatter, answers.get(column.key)))
        return cells

    def rows(self, queryset) -> Iterator[list]:
        """Rows of ``queryset`` (submissions), fetched in chunks: memory stays flat."""
        values = queryset.values_list(*ROW_FIELDS).iterator(chunk_size=2000)
        for values_row in values:
            yield self.row(*values_row)


def table(page, submissions) -> tuple[list[str], list[list[str]]]:
    """Header and text rows of ``submissions`` (instances), as a CSV would show them."""
    submission_table = SubmissionTable(page)
    dialect = CsvDialect(excel=False)
    rows = [
        [
            dialect.text(cell)
            for cell in submission_table.row(
                s.pk,
                s.submitted_at,
                s.submitted_by.get_username() if s.submitted_by else "",
                s.language,
                s.revision_id,
                s.answers,
            )
        ]
        for s in submissions
    ]
    return submission_table.header(), rows


class CsvDialect:
    """How typed cells become CSV text: for Excel (``;``, decimal comma, day.month.year, BOM)
    or plain (``,``, ISO dates)."""

    def __init__(self, excel: bool):
        self.excel = excel
        self.delimiter = ";" if excel else ","

    def text(self, value) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return plain_display(value)
        if isinstance(value, datetime.datetime):
            return value.strftime("%d.%m.%Y %H:%M" if self.excel else "%Y-%m-%d %H:%M")
        if isinstance(value, datetime.date):
            return value.strftime("%d.%m.%Y" if self.excel else "%Y-%m-%d")
        if isinstance(value, float | Decimal) and self.excel:
            return str(value).replace(".", ",")
        return str(value)


def csv_dialect_for(requested: str | None) -> CsvDialect:
    """``excel`` or ``plain`` when asked for; otherwise Excel's for German users."""
    if requested in ("excel", "plain"):
        return CsvDialect(excel=requested == "excel")
    return CsvDialect(excel=(get_language() or "").startswith("de"))


def stream_csv(header: list[str], rows: Iterable[list], dialect: CsvDialect) -> Iterator[bytes]:
    """The CSV as UTF-8 bytes in chunks of rows (with a BOM for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=dialect.delimiter)
    if dialect.excel:
        buffer.write("\ufeff")
    writer.writerow(header)
    text = dialect.text
    for count, row in enumerate(rows, 1):
        writer.writerow([text(cell) for cell in row])
        if count % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
