"""Reading and writing the spreadsheets an office keeps, for any import of the site.

Generic on purpose (nothing here knows partners, cases or django-import-export), so the partner
import and, later, the casework and dashboard imports share one behaviour:

- a column is found by its technical name or by its label as the admin shows it, in any of the
  site's languages ("Kurzname", "short name", "short_name" are one column);
- an unknown list value gets close matches, also against the words in parentheses
  ("Farsi" finds "Persisch (Farsi)");
- a template workbook holds the headers, one sample row and a sheet of the allowed values.

Messages are left to the caller: these functions return what they found. Reading an uploaded
file is the exception (``read_rows``, ``ImportFileError``): a file that cannot be read is
refused with the same words by every import. So is keeping an upload between its preview and
its confirmation (``PreviewStash``): django-import-export's temporary storage
(``IMPORT_EXPORT_TMP_STORAGE_CLASS``, a private folder every app process reads), so a preview
made by one app process can be confirmed on another.
"""

import csv
import datetime
import difflib
import io
import os
import re
import secrets
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SUGGESTION_CUTOFF = 0.75
_SPACES = re.compile(r"[\s_]+")
_PARENTHESES = re.compile(r"\(([^)]*)\)")


def normalise(text: str) -> str:
    """A header or value as compared: case folded, ``_`` and runs of spaces as one space, without
    the marks offices add to headers (``*`` for required, a trailing ``:``)."""
    text = str(text or "").strip().rstrip(":*").strip()
    return _SPACES.sub(" ", text).casefold()


@dataclass(frozen=True)
class Column:
    """A column of an import: its technical ``name`` and the ``labels`` people may write instead
    (lazy translations; each is accepted in every language of the site)."""

    name: str
    labels: tuple = ()
    required: bool = False

    def accepted(self) -> set[str]:
        names = {normalise(self.name)}
        for code, _language in settings.LANGUAGES:
            with translation.override(code):
                names.update(normalise(str(label)) for label in self.labels)
        return names

    def heading(self, language: str | None = None) -> str:
        """The label shown in the admin (in ``language``, default the active one)."""
        if not self.labels:
            return self.name
        with translation.override(language or translation.get_language()):
            label = str(self.labels[0])
        return label[:1].upper() + label[1:]


@dataclass
class HeaderMatch:
    columns: list[str]  # the technical name of each header cell, in the file's order
    unknown: list[str] = field(default_factory=list)  # header cells as written
    missing: list[str] = field(default_factory=list)  # technical names of required columns
    repeated: list[str] = field(default_factory=list)  # technical names given twice

    @property
    def ok(self) -> bool:
        return not (self.unknown or self.missing or self.repeated)


def match_header(cells: Sequence[str], columns: Sequence[Column]) -> HeaderMatch:
    """Which column each header cell names (empty trailing cells dropped)."""
    cells = list(cells)
    while cells and not str(cells[-1]).strip():
        cells.pop()
    lookup: dict[str, str] = {}
    for column in columns:
        for name in column.accepted():
            lookup.setdefault(name, column.name)
    match = HeaderMatch(columns=[])
    for cell in cells:
        name = lookup.get(normalise(cell))
        if name is None:
            match.unknown.append(str(cell).strip())
            match.columns.append("")
        else:
            if name in match.columns and name not in match.repeated:
                match.repeated.append(name)
            match.columns.append(name)
    match.missing = [c.name for c in columns if c.required and c.name not in match.columns]
    return match


def header_problems(match: HeaderMatch, headings: dict[str, str]) -> list[str]:
    """What is wrong with a header, in words (``headings``: each column's heading by name)."""
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
    return problems


def _comparison_keys(choice: str) -> list[str]:
    """A choice as written, without its parenthesised part, and each parenthesised part."""
    keys = [normalise(choice)]
    inner = _PARENTHESES.findall(choice)
    outer = normalise(_PARENTHESES.sub(" ", choice))
    if inner:
        keys.append(outer)
        keys.extend(normalise(part) for part in inner)
    return [key for key in keys if key]


def suggest(value: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The choices ``value`` probably meant, best first."""
    by_key: dict[str, str] = {}
    for choice in choices:
        for key in _comparison_keys(choice):
            by_key.setdefault(key, choice)
    wanted = normalise(value)
    found: list[str] = []
    if wanted in by_key:
        found.append(by_key[wanted])
    for key in difflib.get_close_matches(wanted, by_key, n=limit * 3, cutoff=SUGGESTION_CUTOFF):
        if by_key[key] not in found:
            found.append(by_key[key])
    return found[:limit]


def template_workbook(
    headings: Sequence[str],
    sample: Sequence,
    vocabularies: dict[str, Sequence[str]],
    *,
    data_title: str,
    values_title: str,
    notes: Sequence[str] = (),
) -> bytes:
    """An .xlsx file: a sheet with ``headings`` in bold and one ``sample`` row, and a sheet with
    one column of allowed values per entry of ``vocabularies`` (plus ``notes`` under a gap)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    data = workbook.active
    data.title = data_title[:31]
    data.append(list(headings))
    data.append(list(sample))
    data.freeze_panes = "A2"
    for number, heading in enumerate(headings, 1):
        data.cell(row=1, column=number).font = Font(bold=True)
        width = max(
            len(str(heading)), len(str(sample[number - 1] if number <= len(sample) else ""))
        )
        data.column_dimensions[get_column_letter(number)].width = min(max(width + 2, 10), 60)
    values = workbook.create_sheet(values_title[:31])
    for number, (heading, entries) in enumerate(vocabularies.items(), 1):
        values.cell(row=1, column=number, value=heading).font = Font(bold=True)
        for row, entry in enumerate(entries, 2):
            values.cell(row=row, column=number, value=entry)
        longest = max([len(heading), *(len(str(entry)) for entry in entries)])
        values.column_dimensions[get_column_letter(number)].width = min(longest + 2, 60)
    if notes:
        start = max([len(entries) for entries in vocabularies.values()] or [0]) + 3
        for offset, note in enumerate(notes):
            values.cell(row=start + offset, column=1, value=note)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FORMATS = ("csv", "xlsx")
STASH_LIFETIME = datetime.timedelta(days=1)  # abandoned previews are removed after a day


class ImportFileError(Exception):
    """The file as a whole cannot be imported; ``messages`` say why."""

    def __init__(self, *messages: str):
        super().__init__(*messages)
        self.messages = list(messages)


def file_format(filename: str) -> str:
    extension = Path(filename or "").suffix.lower().lstrip(".")
    if extension not in FORMATS:
        raise ImportFileError(
            _("Please upload a .csv or .xlsx file (this one is “%(name)s”).") % {"name": filename}
        )
    return extension


def check_size(size: int, limit: int) -> None:
    if size > limit:
        raise ImportFileError(
            _("The file is %(size).1f MB; at most %(limit)d MB can be imported at once.")
            % {"size": size / 1024 / 1024, "limit": limit // 1024 // 1024}
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


def cell_text(value) -> str:
    """A spreadsheet cell as text: whole numbers without ``.0``, a date without a time as
    ``YYYY-MM-DD``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return str(value)


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, [cell_text(value) for value in values]
        workbook.close()
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError) as error:
        raise ImportFileError(
            _("The file could not be read as an Excel workbook (.xlsx). Is it damaged?")
        ) from error


def read_rows(data: bytes, extension: str) -> Iterator[tuple[int, list[str]]]:
    """Each row of the file's first sheet with its line number (CSV separated by ``,`` or
    ``;``, in UTF-8 or Windows-1252), read as it is consumed so a row limit stops early."""
    return _csv_rows(data) if extension == "csv" else _xlsx_rows(data)


class UploadForm(forms.Form):
    """The upload of an import; a subclass says its limits (bytes, rows) in ``limits``."""

    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def limits(self) -> tuple[int, int]:
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        max_bytes, max_rows = self.limits()
        self.fields["file"].help_text = _(
            "A .csv (comma or semicolon, UTF-8 or Windows-1252) or .xlsx file, at most "
            "%(megabytes)d MB and %(rows)d rows."
        ) % {"megabytes": max_bytes // 1024 // 1024, "rows": max_rows}


class PreviewStash:
    """Uploads waiting between preview and confirmation, in django-import-export's temporary
    storage under ``folder``; each is found again by the key ``stash`` returns."""

    def __init__(self, folder: str):
        self.folder = folder

    def storage(self, name: str | None = None):
        from import_export.tmp_storages import MediaStorage

        storage_class = getattr(settings, "IMPORT_EXPORT_TMP_STORAGE_CLASS", MediaStorage)
        if isinstance(storage_class, str):
            storage_class = import_string(storage_class)
        return storage_class(name=name, read_mode="rb", MEDIA_FOLDER=self.folder)

    def stash(self, data: bytes, extension: str) -> str:
        self._remove_stale()
        key = f"{secrets.token_hex(16)}.{extension}"
        self.storage(key).save(data)
        return key

    def unstash(self, key: str) -> bytes:
        try:
            data = self.storage(self._checked(key)).read()
        except FileNotFoundError:
            data = None
        if not data:
            raise ImportFileError(_("The uploaded file has expired; please upload it again."))
        return data

    def discard(self, key: str) -> None:
        self.storage(self._checked(key)).remove()

    @staticmethod
    def _checked(key: str) -> str:
        name, _dot, extension = (key or "").partition(".")
        if (
            len(name) != 32
            or not all(c in "0123456789abcdef" for c in name)
            or extension not in FORMATS
        ):
            raise ImportFileError(_("The uploaded file has expired; please upload it again."))
        return key

    def _remove_stale(self) -> None:
        storage = self.storage()
        files = getattr(storage, "_storage", None)
        if files is None:  # the cache storage expires entries by itself
            return
        try:
            names = files.listdir(self.folder)[1] if files.exists(self.folder) else []
            for name in names:
                path = os.path.join(self.folder, name)
                if files.get_modified_time(path) < timezone.now() - STASH_LIFETIME:
                    files.delete(path)
        except NotImplementedError:  # a storage that cannot list or date its files
            return


DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")


def parse_date(text: str) -> datetime.date | None:
    """A date as offices write it (``31.08.2013``, ``2013-08-31``, ``31.08.13``); None if the
    text is no such date (the caller says so)."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def choice_lookup(choices) -> dict[str, str]:
    """A model's ``TextChoices`` by every name a cell may give them: the stored value and the
    label in each of the site's languages, normalised."""
    names: dict[str, str] = {}
    for value, _label in choices.choices:
        names[normalise(value)] = value
    for code, _language in settings.LANGUAGES:
        with translation.override(code):
            for value, label in choices.choices:
                names.setdefault(normalise(str(label)), value)
    return names
