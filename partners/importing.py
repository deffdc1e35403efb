"""Reading an uploaded partner spreadsheet safely, and running the import as preview or for real.

Limits are checked before anything is parsed (size) and while rows are read (row count), so a
huge file is refused without building it in memory. Between preview and confirmation the upload
waits in a private temporary folder, never under MEDIA_ROOT.
"""

import csv
import io
import re
import secrets
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

import tablib
from import_export.results import RowResult

from .resources import COLUMNS, REQUIRED_COLUMNS, PartnerResource

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000
FORMATS = ("csv", "xlsx")
STASH_LIFETIME_SECONDS = 24 * 60 * 60  # abandoned previews are removed after a day
STASH_KEY = re.compile(r"[0-9a-f]{32}")
STASH_DIR = Path(tempfile.gettempdir()) / "partizipationplus-partner-imports"


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


@dataclass
class ImportReport:
    rows: list[RowOutcome]

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
    if size > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is %(size).1f MB; at most %(limit)d MB can be imported at once.")
            % {"size": size / 1024 / 1024, "limit": MAX_UPLOAD_BYTES // 1024 // 1024}
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
    for line, cells in rows:
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if header is None:
            header = _check_header(cells)
            dataset.headers = header
            continue
        if len(line_numbers) >= MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(limit)d rows; please split it into smaller files.")
                % {"limit": MAX_ROWS}
            )
        if len(cells) > len(header) and any(cells[len(header) :]):
            raise ImportFileError(
                _("Row %(line)d has more cells than the header has columns.") % {"line": line}
            )
        dataset.append((cells + [""] * len(header))[: len(header)])
        line_numbers.append(line)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    if not line_numbers:
        raise ImportFileError(_("The file has a header but no rows to import."))
    return ParsedFile(dataset, line_numbers)


def _check_header(cells: list[str]) -> list[str]:
    header = [cell.lower() for cell in cells]
    while header and not header[-1]:
        header.pop()
    problems = []
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    unknown = [column or _("(empty)") for column in header if column not in COLUMNS]
    if unknown:
        problems.append(
            _("Unknown columns: %(columns)s. Allowed are: %(allowed)s.")
            % {"columns": ", ".join(unknown), "allowed": ", ".join(COLUMNS)}
        )
    repeated = sorted({column for column in header if header.count(column) > 1})
    if repeated:
        problems.append(_("Columns appear twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    if problems:
        raise ImportFileError(*problems)
    return header


def run_import(parsed: ParsedFile, user, *, dry_run: bool) -> ImportReport:
    """Import every row in one transaction; any error (or a dry run) rolls all of it back."""
    resource = PartnerResource(user=user, line_numbers=parsed.line_numbers)
    with transaction.atomic():
        result = resource.import_data(
            parsed.dataset,
            dry_run=dry_run,
            use_transactions=True,
            rollback_on_validation_errors=True,
        )
    return _report(result, resource, parsed)


ACTIONS = {
    RowResult.IMPORT_TYPE_NEW: "new",
    RowResult.IMPORT_TYPE_UPDATE: "update",
    RowResult.IMPORT_TYPE_SKIP: "skip",
}


def _report(result, resource: PartnerResource, parsed: ParsedFile) -> ImportReport:
    outcomes = []
    for number, (row_result, values) in enumerate(
        zip(result.rows, parsed.dataset.dict, strict=True), start=1
    ):
        errors: list[tuple[str, str]] = []
        if row_result.validation_error is not None:
            for column, messages in row_result.validation_error.message_dict.items():
                label = column if column != "__all__" else ""
                errors.extend((label, message) for message in messages)
        errors.extend(("", str(error.error)) for error in row_result.errors)
        outcomes.append(
            RowOutcome(
                line=resource.line_for(number),
                action="error" if errors else ACTIONS.get(row_result.import_type, "error"),
                slug=str(values.get("slug", "")),
                name=str(values.get("name", "")),
                errors=errors,
                warnings=resource.row_warnings.get(number, []),
            )
        )
    return ImportReport(outcomes)


def stash(data: bytes, extension: str) -> str:
    """Keep an upload for the confirmation step; returns the key to find it again."""
    STASH_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    for stale in STASH_DIR.iterdir():
        if stale.stat().st_mtime < time.time() - STASH_LIFETIME_SECONDS:
            stale.unlink(missing_ok=True)
    key = f"{secrets.token_hex(16)}.{extension}"
    path = STASH_DIR / key
    path.touch(mode=0o600)
    path.write_bytes(data)
    return key


def _stash_path(key: str) -> Path:
    name, _dot, extension = key.partition(".")
    if (
        len(name) != 32
        or not all(c in "0123456789abcdef" for c in name)
        or extension not in FORMATS
    ):
        raise ImportFileError(_("The uploaded file has expired; please upload it again."))
    return STASH_DIR / key


def unstash(key: str) -> bytes:
    try:
        return _stash_path(key).read_bytes()
    except FileNotFoundError as error:
        raise ImportFileError(
            _("The uploaded file has expired; please upload it again.")
        ) from error


def discard(key: str) -> None:
    _stash_path(key).unlink(missing_ok=True)
