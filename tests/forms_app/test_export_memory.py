"""100,000 submissions export with flat memory: the CSV streams, the XLSX is written to a
temporary file in openpyxl's write-only mode, and rows are fetched in chunks."""

import datetime
import io
import tracemalloc
import zipfile

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from forms_app.models import FormSubmission
from forms_app.models.submissions import answers_search_text
from tests.forms_app.factories import field, make_form_page, step

pytestmark = [pytest.mark.django_db, pytest.mark.heavy]

ROWS = 100_000
LIMIT = 100 * 1024 * 1024


def build(page, count: int) -> None:
    def make(number: int) -> FormSubmission:
        answers = {
            "name": f"Jürgen Müller {number}",
            "age": 20 + number % 50,
            "arrived": (
                datetime.date(2020, 1, 1) + datetime.timedelta(days=number % 1500)
            ).isoformat(),
            "notes": "Wohnt in Wuppertal-Elberfeld, spricht Arabisch und etwas Deutsch.",
        }
        return FormSubmission(
            page=page, answers=answers, language="de", search_text=answers_search_text(answers)
        )

    FormSubmission.objects.bulk_create((make(n) for n in range(count)), batch_size=5000)


def peak_while(consume) -> tuple[int, object]:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = consume()
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    return peak, result


def test_100000_rows_export_in_under_100_mb(client, make_user, home, settings):
    settings.FORMS_EXPORT_TASK_ROWS = ROWS  # streamed in the request, not left to the worker
    page = make_form_page(
        home,
        step(
            "s",
            field("short_text", "name", "Name"),
            field("number", "age", "Alter"),
            field("date", "arrived", "Eingereist am"),
            field("long_text", "notes", "Notizen"),
        ),
        slug="gross",
    )
    build(page, ROWS)
    client.force_login(make_user("Programme administrators"))
    url = reverse("forms_app:submissions", args=[page.pk])

    def csv_export():
        response = client.get(url, {"export": "csv"})
        assert response.streaming
        lines = size = 0
        for chunk in response.streaming_content:
            lines += chunk.count(b"\n")
            size += len(chunk)
        return lines, size

    peak, (lines, size) = peak_while(csv_export)
    assert lines == ROWS + 1 and size > 10_000_000
    assert peak < LIMIT, f"CSV export peaked at {peak / 2**20:.0f} MB"

    def xlsx_export():
        response = client.get(url, {"export": "xlsx"})
        assert response.streaming
        return b"".join(response.streaming_content)  # the file, not the rows, is in memory

    peak, content = peak_while(xlsx_export)
    assert peak - len(content) < LIMIT, f"XLSX export peaked at {peak / 2**20:.0f} MB"
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    rows = sheet.iter_rows(min_row=1, max_row=3, values_only=True)
    header, first, _second = rows
    assert header[5:] == ("Name", "Alter", "Eingereist am", "Notizen")
    assert isinstance(first[1], datetime.datetime) and isinstance(first[6], int)
    assert isinstance(first[7], datetime.datetime)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert sheet_xml.count(b"<row ") == ROWS + 1
