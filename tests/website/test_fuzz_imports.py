"""Fuzzing the spreadsheet imports: partners, cases and placements, historical figures.

Each example uploads one file: CSV built from the import's own headings (and unknown ones) with
hostile or sample cells, in a random encoding and delimiter; an XLSX built from hypothesis rows
of any cell type; random bytes under a .csv or .xlsx name. The preview must answer 200 with a
clear error or a report and write nothing; a confirmation the preview offers must not fail and
writes what the report said, all of it or (where any row is wrong) none of it.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from casework.models import Case, Placement
from dashboards.models import HistoricalFigure
from partners.models import PartnerOrganisation
from tests.casework import factories as casework_factories
from tests.casework.test_import import previews  # noqa: F401 (autouse: previews in tmp_path)
from tests.factories import UserFactory
from tests.fuzzing import Tally, assert_no_server_error, fuzz_settings, hostile_text
from website.roles import PROGRAMME_ADMINISTRATORS
from website.spreadsheets import read_rows

pytestmark = [pytest.mark.django_db, pytest.mark.proof]

EXAMPLES = 25  # per import
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "mac_roman"]


@dataclass
class SpreadsheetImport:
    name: str
    url: str
    confirm_url: str
    sample: dict[str, str]  # heading → a value the import takes
    user: Any
    written: Any  # () → what the import writes, counted

    def confirm_data(self, key: str) -> dict:
        return {"key": key, "mode": "publish"}


def template_sample(template: bytes) -> dict[str, str]:
    """The headings and sample row of an import's own template workbook."""
    rows = [cells for _line, cells in read_rows(template, "xlsx")]
    return dict(zip(rows[0], rows[1], strict=False))


def partner_import() -> SpreadsheetImport:
    from partners.import_template import template_file

    return SpreadsheetImport(
        "partners",
        "/admin/partners/import/",
        "/admin/partners/import/confirm/",
        template_sample(template_file()),
        UserFactory(role=PROGRAMME_ADMINISTRATORS),
        lambda: PartnerOrganisation.objects.count(),
    )


def case_import() -> SpreadsheetImport:
    from casework.import_template import template_file

    manager = casework_factories.case_manager("wuppertal")
    return SpreadsheetImport(
        "cases",
        "/admin/cases/import/",
        "/admin/cases/import/",
        template_sample(template_file(manager)),
        manager,
        lambda: (Case.objects.count(), Placement.objects.count()),
    )


def figures_import() -> SpreadsheetImport:
    from dashboards.resources import COLUMNS

    sample = ["01.10.2008", "31.08.2013", "Wuppertal", "participants_entered", "gender"]
    sample += ["female", "448", "Vortrag 2013"]
    return SpreadsheetImport(
        "historical figures",
        "/admin/historical-figures/import/",
        "/admin/historical-figures/import/confirm/",
        dict(zip(COLUMNS.values(), sample, strict=True)),
        UserFactory(role=PROGRAMME_ADMINISTRATORS),
        lambda: HistoricalFigure.objects.count(),
    )


IMPORTS = {"partners": partner_import, "cases": case_import, "figures": figures_import}


def table(sample: dict[str, str]):
    """A header (some of the import's headings, maybe an unknown one) and rows under it."""
    headings = st.lists(
        st.one_of(st.sampled_from(sorted(sample)), hostile_text()), min_size=1, max_size=12
    )
    return headings.flatmap(
        lambda header: st.tuples(
            st.just(header),
            st.lists(
                st.tuples(*[st.one_of(st.just(sample.get(h, "")), hostile_text()) for h in header]),
                max_size=4,
            ),
        )
    )


def csv_file(sample):
    def write(parts, delimiter, quoting, encoding):
        header, rows = parts
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting)
        writer.writerows([header, *rows])
        return buffer.getvalue().encode(encoding, errors="replace")

    return st.builds(
        write,
        table(sample),
        st.sampled_from([";", ",", "\t", "|"]),
        st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
        st.sampled_from(ENCODINGS),
    ).map(lambda content: ("import.csv", content))


def writable(cell):
    """A cell openpyxl can write: no control characters, at most Excel's 32,767 characters."""
    return ILLEGAL_CHARACTERS_RE.sub("", cell)[:32_000] if isinstance(cell, str) else cell


XLSX_CELLS = st.one_of(
    hostile_text(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime.datetime(1900, 3, 1)),
    st.dates(min_value=datetime.date(1900, 3, 1)),
    st.booleans(),
    st.none(),
)


def xlsx_file(sample):
    def write(parts, cells):
        header, rows = parts
        workbook = Workbook()
        for row in [header, *[[*row, *cells] for row in rows]]:
            workbook.active.append([writable(cell) for cell in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    return st.builds(write, table(sample), st.lists(XLSX_CELLS, max_size=3)).map(
        lambda content: ("import.xlsx", content)
    )


def any_file(sample):
    broken = st.tuples(
        st.sampled_from(["import.xlsx", "import.csv", "import.txt", "import"]), st.binary()
    )
    return st.one_of(csv_file(sample), xlsx_file(sample), broken)


def report_of(response):
    context = response.context
    return context.get("report") or context.get("reports")


def has_errors(report) -> bool:
    rows = getattr(report, "rows", report)
    return any(row.action == "error" for row in rows)


@pytest.mark.parametrize("which", sorted(IMPORTS))
def test_the_import_answers_any_file_without_a_server_error(client, which, record_property):
    spreadsheet_import = IMPORTS[which]()
    client.force_login(spreadsheet_import.user)
    tally = Tally(f"{spreadsheet_import.name} import: preview and confirm")

    @fuzz_settings(EXAMPLES)
    @given(file=any_file(spreadsheet_import.sample))
    def send(file):
        name, content = file
        tally.sent(spreadsheet_import.name)
        before = spreadsheet_import.written()
        response = client.post(spreadsheet_import.url, {"file": SimpleUploadedFile(name, content)})
        assert_no_server_error(response, content)
        assert response.status_code == 200
        assert spreadsheet_import.written() == before, "the preview wrote"
        report = report_of(response)
        if report is None:
            assert response.context["form"].errors["file"]
            return
        key = response.context.get("key")
        if not key:
            return
        confirmed = client.post(
            spreadsheet_import.confirm_url, spreadsheet_import.confirm_data(key)
        )
        assert_no_server_error(confirmed, content)
        after = spreadsheet_import.written()
        if which == "cases":  # rows with errors are left out, the others written
            assert confirmed.status_code == 302
            new = sum(1 for row in report.rows if row.action == "new")
            assert after == (before[0] + new, before[1] + report.placements)
        elif has_errors(report):  # a file with any faulty row writes nothing
            assert after == before
        else:
            assert confirmed.status_code == 302
            new = sum(1 for row in getattr(report, "rows", report) if row.action == "new")
            if which == "figures":
                assert after == before + new
            else:  # a new partner is one row per language it is written in
                assert after >= before + new

    send()
    tally.report(record_property)
