"""Reading and writing the spreadsheets an office keeps, for any import of the site.

Generic on purpose (nothing here knows partners, cases or django-import-export), so the partner
import and, later, the casework and dashboard imports share one behaviour:

- a column is found by its technical name or by its label as the admin shows it, in any of the
  site's languages ("Kurzname", "short name", "short_name" are one column);
- an unknown list value gets close matches, also against the words in parentheses
  ("Farsi" finds "Persisch (Farsi)");
- a template workbook holds the headers, one sample row and a sheet of the allowed values.

Messages are left to the caller: these functions return what they found.
"""

import difflib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

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
