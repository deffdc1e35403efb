"""Reading an uploaded partner spreadsheet safely, and running the import as preview or for real.

Limits (``PARTNERS_IMPORT_MAX_BYTES``, ``PARTNERS_IMPORT_MAX_ROWS``) are checked before anything
is parsed (size) and while rows are read (row count), so a huge file is refused without building
it in memory. Between preview and confirmation the upload waits in django-import-export's
temporary storage (``IMPORT_EXPORT_TMP_STORAGE_CLASS``, by default ``MediaStorage`` on the
``import_export`` storage: a private folder outside MEDIA_ROOT that every app process reads), so a
preview made by one app process can be confirmed on another.
"""

import csv
import io
import os
import secrets
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

import tablib
from import_export.tmp_storages import MediaStorage

from website.spreadsheets import match_header

from . import bulk_import
from .resources import column_headings, spreadsheet_columns

FORMATS = ("csv", "xlsx")
STASH_LIFETIME = timedelta(days=1)  # abandoned previews are removed after a day


def max_upload_bytes() -> int:
    return settings.PARTNERS_IMPORT_MAX_BYTES


def max_rows() -> int:
    return settings.PARTNERS_IMPORT_MAX_ROWS


class ImportFileError(Exception):
    """The file as a whole cannot be imported; ``messages`` say why."""

    def __init__(self, *messages: str):
        super().__init__(*messages)
        self.messages = list(messages)


@dataclass
class ParsedFile:
    dataset: tablib.Dataset
    line_numbers: list[int]


@dataclass
class RowOutcome:
    line: int
    action: str  # "new", "update", "skip" or "error"
    slug: str
    name: str
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # every column of the file: (column, the cell as written, "new"/"changed"/"", stored value)
    cells: list[tuple[str, str, str, str]] = field(default_factory=list)
    # unknown list values: (column, value, the entries it may mean)
    suggestions: list[tuple[str, str, list[str]]] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowOutcome]
    columns: list[str] = field(default_factory=list)

    @property
    def suggestions(self) -> list[tuple[str, str, list[str]]]:
        """Each unknown list value once, with its close matches."""
        seen = {}
        for row in self.rows:
            for column, value, names in row.suggestions:
                seen.setdefault((column, value.casefold()), (column, value, names))
        return list(seen.values())

    @property
    def has_errors(self) -> bool:
        return any(row.action == "error" for row in self.rows)

    @property
    def errors(self) -> list[tuple[int, str, str]]:
        return [(row.line, column, message) for row in self.rows for column, message in row.errors]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


def file_format(filename: str) -> str:
    extension = Path(filename or "").suffix.lower().lstrip(".")
    if extension not in FORMATS:
        raise ImportFileError(
            _("Please upload a .csv or .xlsx file (this one is “%(name)s”).") % {"name": filename}
        )
    return extension


def check_size(size: int) -> None:
    if size > max_upload_bytes():
        raise ImportFileError(
            _("The file is %(size).1f MB; at most %(limit)d MB can be imported at once.")
            % {"size": size / 1024 / 1024, "limit": max_upload_bytes() // 1024 // 1024}
        )
    if size == 0:
        raise ImportFileError(_("The file is empty."))


def decode(data: bytes) -> str:
    """UTF-8 with or without BOM, else Windows-1252 as Excel saves CSV in Germany."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_rows(data: bytes):
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file is malformed near line %(line)d: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from error


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, [_cell_text(value) for value in values]
        workbook.close()
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError) as error:
        raise ImportFileError(
            _("The file could not be read as an Excel workbook (.xlsx). Is it damaged?")
        ) from error


def parse(data: bytes, extension: str) -> ParsedFile:
    """The rows under a checked header, with each row's line in the spreadsheet."""
    check_size(len(data))
    rows = _csv_rows(data) if extension == "csv" else _xlsx_rows(data)
    header = None
    dataset = tablib.Dataset()
    line_numbers: list[int] = []
    limit = max_rows()
    for line, cells in rows:
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if header is None:
            header = _check_header(cells)
            derive_slug = "slug" not in header
            dataset.headers = [*header, "slug"] if derive_slug else header
            continue
        if len(line_numbers) >= limit:
            raise ImportFileError(
                _("The file has more than %(limit)d rows; please split it into smaller files.")
                % {"limit": limit}
            )
        if len(cells) > len(header) and any(cells[len(header) :]):
            raise ImportFileError(
                _("Row %(line)d has more cells than the header has columns.") % {"line": line}
            )
        values = (cells + [""] * len(header))[: len(header)]
        if derive_slug:
            values.append("")
        if not values[dataset.headers.index("slug")]:
            # No slug given: the name's, so a row written without one finds its partner again.
            values[dataset.headers.index("slug")] = slugify(values[header.index("name")])
        dataset.append(values)
        line_numbers.append(line)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    if not line_numbers:
        raise ImportFileError(_("The file has a header but no rows to import."))
    return ParsedFile(dataset, line_numbers)


def _check_header(cells: list[str]) -> list[str]:
    """The technical name of each header cell; a header may name a column by its technical name
    or by its label in the admin, in German or English ("Kurzname", "short name")."""
    match = match_header(cells, spreadsheet_columns())
    if match.ok:
        return match.columns
    headings = column_headings()
    problems = []
    if match.missing:
        problems.append(
            _("Missing columns: %(columns)s.")
            % {"columns": ", ".join(f"{headings[name]} ({name})" for name in match.missing)}
        )
    if match.unknown:
        problems.append(
            _("Unknown columns: %(columns)s. Allowed are: %(allowed)s.")
            % {
                "columns": ", ".join(cell or _("(empty)") for cell in match.unknown),
                "allowed": ", ".join(f"{heading} ({name})" for name, heading in headings.items()),
            }
        )
    if match.repeated:
        problems.append(
            _("Columns appear twice: %(columns)s.")
            % {"columns": ", ".join(headings[name] for name in match.repeated)}
        )
    raise ImportFileError(*problems)


def _cells(row: bulk_import.PlannedRow, values: dict) -> list[tuple[str, str, str, str]]:
    cells = []
    for column, text in values.items():
        if row.action == "new":
            state = "new" if text else ""
        else:
            state = "changed" if column in row.changed else ""
        cells.append((column, str(text), state, row.before.get(column, "")))
    return cells


def run_import(parsed: ParsedFile, user, *, dry_run: bool, publish: bool = True) -> ImportReport:
    """Check every row; unless it is a dry run and if no row has an error, write them all (in one
    transaction: a failure writes nothing), published or as drafts."""
    planned = bulk_import.check_rows(parsed.dataset, parsed.line_numbers, user)
    report = ImportReport(
        [
            RowOutcome(
                line=row.line,
                action=row.action,
                slug=str(values.get("slug", "")),
                name=str(values.get("name", "")),
                errors=[
                    (column if column != "__all__" else "", message)
                    for column, messages in row.errors.items()
                    for message in messages
                ],
                warnings=row.warnings,
                cells=_cells(row, values),
                suggestions=row.suggestions,
            )
            for row, values in zip(planned, parsed.dataset.dict, strict=True)
        ],
        columns=list(parsed.dataset.headers),
    )
    if not dry_run and not report.has_errors:
        bulk_import.write_rows(planned, user, parsed.dataset.headers, publish=publish)
    return report


def preview_storage(name: str | None = None):
    """django-import-export's temporary storage for an upload waiting to be confirmed."""
    storage_class = getattr(settings, "IMPORT_EXPORT_TMP_STORAGE_CLASS", MediaStorage)
    if isinstance(storage_class, str):
        storage_class = import_string(storage_class)
    return storage_class(name=name, read_mode="rb", MEDIA_FOLDER="partner-imports")


def stash(data: bytes, extension: str) -> str:
    """Keep an upload for the confirmation step; returns the key to find it again."""
    _remove_stale_previews()
    key = f"{secrets.token_hex(16)}.{extension}"
    preview_storage(key).save(data)
    return key


def _remove_stale_previews() -> None:
    storage = preview_storage()
    files = getattr(storage, "_storage", None)
    if files is None:  # the cache storage expires entries by itself
        return
    folder = storage.MEDIA_FOLDER
    try:
        names = files.listdir(folder)[1] if files.exists(folder) else []
        for name in names:
            path = os.path.join(folder, name)
            if files.get_modified_time(path) < timezone.now() - STASH_LIFETIME:
                files.delete(path)
    except NotImplementedError:  # a storage that cannot list or date its files
        return


def _checked_key(key: str) -> str:
    name, _dot, extension = key.partition(".")
    if (
        len(name) != 32
        or not all(c in "0123456789abcdef" for c in name)
        or extension not in FORMATS
    ):
        raise ImportFileError(_("The uploaded file has expired; please upload it again."))
    return key


def unstash(key: str) -> bytes:
    try:
        data = preview_storage(_checked_key(key)).read()
    except FileNotFoundError:
        data = None
    if not data:
        raise ImportFileError(_("The uploaded file has expired; please upload it again."))
    return data


def discard(key: str) -> None:
    preview_storage(_checked_key(key)).remove()
