"""Payloads for the escaping proof and the checks that they stayed inert where they are shown.

Every payload carries a marker naming the field it was put into (``ppxss-<tag>``), so a check
knows that the value really was rendered (a rendering without the marker proves nothing and is
not counted) and a live payload names its field. "Live" is read with an HTML parser, not a
substring search: an executable ``<script>`` whose text holds a marker, an element with an
``on*`` attribute holding one, or an ``href``/``src``/``action`` that starts with
``javascript:``. Spreadsheets: no cell may start with a character that makes it a formula.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from openpyxl import load_workbook

from forms_app.export import FORMULA_PREFIXES

MARKER = "ppxss"
# The types under which a browser runs a <script> (an empty type is JavaScript too).
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


def tag_of(*parts) -> str:
    """A marker-safe tag: letters, digits and dashes only."""
    return re.sub(r"[^a-z0-9]+", "-", "-".join(str(p) for p in parts).lower()).strip("-")


def marker(tag: str) -> str:
    """The marker of ``tag``; the closing ``_`` keeps one tag's marker out of a longer one's."""
    return f"{MARKER}-{tag}_"


def html_payload(tag: str) -> str:
    """A script element and an attribute break-out, both calling alert with the marker."""
    mark = marker(tag)
    return f'<script>alert("{mark}")</script>"><img src=x onerror=alert("{mark}")>'


def short_payload(tag: str) -> str:
    """For short fields: an attribute break-out only."""
    return f'"><svg onload={marker(tag)}>'


def link_payload(tag: str) -> str:
    return f'javascript:alert("{marker(tag)}")'


def formula_payload(tag: str) -> str:
    """A formula a spreadsheet would run, with the marker inside so the cell can be found."""
    return f'=HYPERLINK("http://x/{marker(tag)}")'


def email_payload(tag: str) -> str:
    """An address Django's EmailValidator accepts (a quoted local part) holding markup."""
    mark = marker(tag)
    return f'"<script>{mark}</script><img/src=x/onerror={mark}>"@example.org'


@dataclass
class Finding:
    place: str
    what: str


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.script_type: str | None = None
        self.script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARKER in value:
                self.live.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and re.sub(r"\s", "", value).lower().startswith(
                "javascript:"
            ):
                self.live.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self.script_type = (dict(attrs).get("type") or "").strip().lower()
            self.script_text = []

    def handle_endtag(self, tag):
        if tag == "script" and self.script_type is not None:
            text = "".join(self.script_text)
            if self.script_type in SCRIPT_TYPES and MARKER in text:
                self.live.append(f"<script>{text[:80]}</script>")
            self.script_type = None

    def handle_data(self, data):
        if self.script_type is not None:
            self.script_text.append(data)


def live_in_html(html: str) -> list[str]:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.live


def formula_cells(rows) -> list[str]:
    """Cells of ``rows`` that hold a marker and would run as a formula."""
    return [
        cell
        for row in rows
        for cell in row
        if isinstance(cell, str) and MARKER in cell and cell.startswith(FORMULA_PREFIXES)
    ]


def body(response) -> bytes:
    """A response's content, streamed (the exports) or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
    return list(csv.reader(io.StringIO(text), dialect))


def xlsx_rows(content: bytes) -> list[list]:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return [list(row) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]


@dataclass
class Ledger:
    """What the proof rendered: each place a marker was seen in, and every live payload."""

    seen: dict[str, set[str]] = field(default_factory=dict)  # marker tag -> places
    live: list[Finding] = field(default_factory=list)
    renderings: int = 0

    def tags_in(self, text: str, tags) -> list[str]:
        return [tag for tag in tags if marker(tag) in text]

    def html(self, place: str, html: str, tags) -> list[str]:
        """Check one HTML rendering; returns the tags whose markers it shows."""
        shown = self.tags_in(html, tags)
        self.renderings += len(shown)
        for tag in shown:
            self.seen.setdefault(tag, set()).add(place)
        self.live += [Finding(place, what) for what in live_in_html(html)]
        return shown

    def cells(self, place: str, rows, tags) -> list[str]:
        text = "\n".join(str(cell) for row in rows for cell in row if cell is not None)
        shown = self.tags_in(text, tags)
        self.renderings += len(shown)
        for tag in shown:
            self.seen.setdefault(tag, set()).add(place)
        self.live += [Finding(place, f"formula cell {cell!r}") for cell in formula_cells(rows)]
        return shown

    def text(self, place: str, text: str, tags) -> list[str]:
        """A plain-text rendering (a mail's text part): data, inert by its type; only counted."""
        shown = self.tags_in(text, tags)
        self.renderings += len(shown)
        for tag in shown:
            self.seen.setdefault(tag, set()).add(place)
        return shown

    def places(self) -> set[str]:
        return {place for places in self.seen.values() for place in places}
