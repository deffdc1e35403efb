"""Helpers of the chart, page, CSV and API tests: chart blocks, and readers for the tables and
CSV files a dashboard page publishes (its fixtures are in conftest.py)."""

import csv
import io
from html.parser import HTMLParser

from dashboards.demo import chart_block


def gender_chart(**options) -> dict:
    return chart_block("Teilnehmende nach Geschlecht", "participants_entered", "gender", **options)


class _TableParser(HTMLParser):
    """The chart tables of a page as lists of rows of cell texts (header row included)."""

    def __init__(self):
        super().__init__()
        self.tables, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "chart__table") in attrs:
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def chart_tables(html: str) -> list[list[list[str]]]:
    parser = _TableParser()
    parser.feed(html)
    return parser.tables


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    delimiter = ";" if ";" in text.splitlines()[0] else ","
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))
