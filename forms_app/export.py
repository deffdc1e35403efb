"""Submissions as CSV and XLSX: one column per key ever used by the form, safe for spreadsheets."""

import csv
import io
import json
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook

from .registry import field_types, plain_display

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(text: str) -> str:
    """Stop spreadsheets from running a cell as a formula (CSV/formula injection)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _raw_steps(steps) -> list:
    if isinstance(steps, str):
        try:
            steps = json.loads(steps)
        except ValueError:
            return []
    return steps if isinstance(steps, list) else []


def _input_fields(raw_fields: list) -> Iterable[tuple[str, dict]]:
    types = field_types()
    for child in raw_fields or []:
        value = child.get("value") or {}
        field_type = types.get(child.get("type"))
        if value.get("key") and (field_type is None or field_type.has_input):
            yield child.get("type"), value


def columns_for(page) -> list[tuple[str, str]]:
    """(key, label) of every input field in any revision, newest label first; removed keys stay."""
    labels: dict[str, str] = {}
    order: list[str] = []
    revisions = [page.steps.get_prep_value()] + [
        _raw_steps(content.get("steps"))
        for content in page.revisions.order_by("-created_at", "-pk").values_list(
            "content", flat=True
        )
    ]
    for steps in revisions:
        for step in _raw_steps(steps):
            for _type, value in _input_fields((step.get("value") or {}).get("fields")):
                if value["key"] not in labels:
                    labels[value["key"]] = value.get("label") or value["key"]
                    order.append(value["key"])
    return [(key, labels[key]) for key in order]


def current_fields(page) -> dict:
    """key -> (field type, block value) for the form as it is now, to format answers."""
    return {item.key: item for spec in page.form_specs() for item in spec.inputs}


def display_answer(item, stored) -> str:
    if item is None:
        if isinstance(stored, list) and stored and isinstance(stored[0], dict):
            return " | ".join(", ".join(f"{k}: {v}" for k, v in row.items()) for row in stored)
        if isinstance(stored, dict):
            return str(stored.get("name", stored))
        return plain_display(stored)
    return item.field_type.display(stored, item.value)


class AnswerFormatter:
    """Formats the answers of one table. Equal answers of a column are formatted once, so a
    field type whose display looks something up (a partner's name) costs a query per distinct
    value, not one per submission."""

    def __init__(self, fields: dict):
        self.fields = fields
        self.formatted: dict[tuple[str, str], str] = {}

    def __call__(self, key: str, stored) -> str:
        marker = (key, json.dumps(stored, sort_keys=True, default=str))
        if marker not in self.formatted:
            self.formatted[marker] = display_answer(self.fields.get(key), stored)
        return self.formatted[marker]


def table(page, submissions) -> tuple[list[str], list[list[str]]]:
    columns = columns_for(page)
    answer = AnswerFormatter(current_fields(page))
    known = {key for key, _label in columns}
    extra = sorted({key for s in submissions for key in s.answers} - known)
    columns += [(key, key) for key in extra]
    header = [
        _("Submitted at"),
        _("Submitted by"),
        _("Language"),
        _("Form version"),
        *(label for _key, label in columns),
    ]
    rows = []
    for submission in submissions:
        row = [
            timezone.localtime(submission.submitted_at).strftime("%Y-%m-%d %H:%M"),
            submission.submitted_by.get_username() if submission.submitted_by else "",
            submission.language,
            str(submission.revision_id or ""),
        ]
        for key, _label in columns:
            stored = submission.answers.get(key)
            empty = stored is None or stored == "" or stored == []
            row.append("" if empty else answer(key, stored))
        rows.append(row)
    return header, rows


def as_csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([escape_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([escape_cell(cell) for cell in row])
    return buffer.getvalue()


def as_xlsx(header: list[str], rows: list[list[str]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Submissions")[:31])
    sheet.append([escape_cell(cell) for cell in header])
    for row in rows:
        sheet.append([escape_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
