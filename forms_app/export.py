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

    CACHED = 4096

    def __init__(self, column: AnswerColumn):
        self.column = column
        item = column.item
        self.plain = item is None or item.field_type.display is plain_display
        self._texts: dict = {}

    def __call__(self, stored) -> str:
        if self.plain:
            return display_answer(self.column.item, stored)
        key = answer_key(stored)
        text = self._texts.get(key)
        if text is None:
            if len(self._texts) >= self.CACHED:
                self._texts.clear()
            text = self._texts[key] = display_answer(self.column.item, stored)
        return text


def answer_key(stored) -> tuple:
    """A hashable key for a stored answer that tells ``1``, ``True`` and ``"1"`` apart."""
    kind = type(stored)
    if kind is str:
        return (str, stored)
    if kind is list and all(type(item) is str for item in stored):
        return (list, *stored)
    return (None, json.dumps(stored, sort_keys=True, default=str))


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


def answer_reader(column: AnswerColumn, formatter: AnswerFormatter, yes_no: tuple[str, str]):
    """``typed_answer`` for one column as a function of the stored answer, with shortcuts for
    the answers most rows hold (decoded JSON: exact types); anything else takes
    ``typed_answer``. ``yes_no`` is plain_display(True), plain_display(False), read once."""

    def general(stored):
        return typed_answer(column, formatter, stored)

    if column.type_name == "number":

        def number(stored):
            kind = type(stored)
            if kind is int or kind is float:
                return stored
            if kind is str and stored:
                try:
                    return Decimal(stored)
                except InvalidOperation:
                    pass
            return general(stored)

        return number
    if column.type_name == "date":

        def date(stored):
            if type(stored) is str and stored:
                try:
                    return datetime.date.fromisoformat(stored)
                except ValueError:
                    pass
            return general(stored)

        return date
    if not formatter.plain:

        def looked_up(stored):
            return None if is_empty(stored) else escape_cell(formatter(stored))

        return looked_up
    yes, no = yes_no

    def plain(stored):
        kind = type(stored)
        if kind is str and stored:
            return escape_cell(stored)
        if kind is bool:
            return escape_cell(yes if stored else no)
        return general(stored)

    return plain


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
        # Read once: the rows may be written after the view returned (a streamed CSV), outside
        # the admin's time zone of the user.
        self.timezone = timezone.get_current_timezone()
        yes_no = (plain_display(True), plain_display(False))
        self.readers = [
            (column.key, answer_reader(column, formatter, yes_no))
            for column, formatter in zip(self.columns, self.formatters, strict=True)
        ]

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
        if submitted_at is not None and submitted_at.utcoffset() is not None:
            submitted_at = submitted_at.astimezone(self.timezone).replace(tzinfo=None)
        cells = [
            pk,
            submitted_at,
            escape_cell(username or ""),
            language,
            self.versions.get(revision_id),
        ]
        get = answers.get
        cells.extend([read(get(key)) for key, read in self.readers])
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
        dialect.texts(
            submission_table.row(
                s.pk,
                s.submitted_at,
                s.submitted_by.get_username() if s.submitted_by else "",
                s.language,
                s.revision_id,
                s.answers,
            )
        )
        for s in submissions
    ]
    return submission_table.header(), rows


class CsvDialect:
    """How typed cells become CSV text: for Excel (``;``, decimal comma, day.month.year, BOM)
    or plain (``,``, ISO dates)."""

    def __init__(self, excel: bool):
        self.excel = excel
        self.delimiter = ";" if excel else ","
        self.date_format = "%d.%m.%Y" if excel else "%Y-%m-%d"
        self.datetime_format = "%d.%m.%Y %H:%M" if excel else "%Y-%m-%d %H:%M"
        # ``text`` of the usual cells, by their exact type (``texts`` asks this first).
        self.by_type = {
            int: str,
            type(None): self.text,
            datetime.datetime: self.datetime_text,
            datetime.date: self.date_text,
            float: self.decimal_text,
            Decimal: self.decimal_text,
        }

    def decimal_text(self, value: float | Decimal) -> str:
        return str(value).replace(".", ",") if self.excel else str(value)

    def text(self, value) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return plain_display(value)
        if isinstance(value, datetime.datetime):
            return self.datetime_text(value)
        if isinstance(value, datetime.date):
            return self.date_text(value)
        if isinstance(value, float | Decimal):
            return self.decimal_text(value)
        return str(value)

    # strftime is slow: the ISO text rearranged is the same from the year 1000 on.
    def date_text(self, value: datetime.date) -> str:
        if value.year < 1000:
            return value.strftime(self.date_format)
        iso = value.isoformat()
        return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}" if self.excel else iso

    def datetime_text(self, value: datetime.datetime) -> str:
        if value.year < 1000 or value.tzinfo is not None:
            return value.strftime(self.datetime_format)
        iso = value.isoformat(" ", "minutes")
        return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}{iso[10:]}" if self.excel else iso

    def texts(self, row: list) -> list[str]:
        """The row's cells as text; text cells (most of them) as they are."""
        by_type, text = self.by_type, self.text
        return [
            cell if cell.__class__ is str else by_type.get(cell.__class__, text)(cell)
            for cell in row
        ]


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
    texts = dialect.texts
    for count, row in enumerate(rows, 1):
        writer.writerow(texts(row))
        if count % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
