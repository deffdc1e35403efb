"""The import of participants and placements: preview, row errors, confirm, access, audit."""

import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from openpyxl import Workbook, load_workbook

from casework.models import Case, Placement
from tests.casework import factories
from tests.casework.test_access_matrix import DENIED, answer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).parents[2] / "fixtures" / "casework" / "teilnehmende-windows-1252.csv"
URL = "/admin/cases/import/"
HEADER = (
    "Vorname;Nachname;Geburtsdatum;Stadt;Eintrittsdatum;Vermittlung;Beginn der Vermittlung;Branche"
)


@pytest.fixture(autouse=True)
def previews(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "import_export": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "previews")},
        },
    }


@pytest.fixture
def manager_client(client, wuppertal_manager):
    client.force_login(wuppertal_manager)
    return client


def upload(client, content: bytes, name: str = "teilnehmende.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


def csv_rows(*rows: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *rows]).encode("utf-8")


def confirm(client, preview):
    return client.post(URL, {"key": preview.context["key"]})


def test_preview_writes_nothing_and_confirm_opens_cases_with_placements(manager_client):
    preview = upload(manager_client, FIXTURE.read_bytes())
    assert preview.status_code == 200
    report = preview.context["report"]
    assert [row.action for row in report.rows] == ["new", "new", "new", "error"]
    assert not Case.objects.exists()
    body = preview.content.decode()
    assert "Samira" in body and "Zeile 5" in body and "Solingen" in body
    response = confirm(manager_client, preview)
    assert response.status_code == 302 and response.url == reverse("casework:index")
    cases = {case.last_name: case for case in Case.objects.all()}
    assert set(cases) == {"Haddad", "Tesfaye", "Ahmadi"}  # the Solingen row was left out
    haddad = cases["Haddad"]
    assert haddad.number == "WUP-2009-0001" and haddad.city.slug == "wuppertal"
    assert str(haddad.date_of_birth) == "1991-02-14" and haddad.gender == "female"
    assert haddad.residence_status == "tolerated"
    assert sorted(haddad.languages.values_list("slug", flat=True)) == ["arabic", "german"]
    assert cases["Ahmadi"].number == "WUP-2013-0001"
    assert cases["Ahmadi"].residence_status == "asylum_seeker"
    placement = Placement.objects.get(case=cases["Tesfaye"])
    assert (placement.kind, str(placement.starts_on), placement.sector) == (
        "vocational_training",
        "2009-10-01",
        "Zahntechnik",
    )
    assert all(case.next_due is None for case in cases.values())
    listing = manager_client.get(reverse("casework:index")).content.decode()
    assert "WUP-2009-0001" in listing and "Haddad" in listing


def test_numbers_continue_after_the_import(manager_client, wuppertal_manager, today):
    from casework import services
    from partners.models import City

    confirm(manager_client, upload(manager_client, csv_rows("Amal;Kaya;;;01.02.2026;;;")))
    wuppertal = City.objects.sources().get(slug="wuppertal")
    later = services.open_case(
        manager=wuppertal_manager, city=wuppertal, today=today, first_name="A", last_name="B"
    )
    assert later.number == "WUP-2026-0002"


def test_english_and_technical_headers_and_iso_dates(manager_client):
    content = csv_rows(
        "Omar,Nasser,1990-01-31,Wuppertal,2026-01-05",
        header="first_name,Last name,date of birth,City,Date of entry",
    )
    preview = upload(manager_client, content)
    assert [row.action for row in preview.context["report"].rows] == ["new"]


def test_an_xlsx_file_with_real_dates(manager_client):
    import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["Vorname", "Nachname", "Geburtsdatum", "Eintrittsdatum"])
    sheet.append(["Hana", "Osman", datetime.datetime(1993, 4, 1), datetime.datetime(2010, 6, 1)])
    buffer = io.BytesIO()
    book.save(buffer)
    preview = upload(manager_client, buffer.getvalue(), "liste.xlsx")
    confirm(manager_client, preview)
    case = Case.objects.get()
    assert str(case.date_of_birth) == "1993-04-01" and case.number == "WUP-2010-0001"


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("Amal;Kaya;32.13.1990;;01.02.2026;;;", "date_of_birth", "kein Datum"),
        ("Amal;Kaya;;Solingen;01.02.2026;;;", "city", "nur Fälle aus Wuppertal"),
        ("Amal;Kaya;;Atlantis;01.02.2026;;;", "city", "Unbekannt (Stadt)"),
        ("Amal;;;;01.02.2026;;;", "last_name", "nötig"),
        ('=HYPERLINK("x");Kaya;;;01.02.2026;;;', "first_name", "Tabellenformel"),
        ("Amal;Kaya;;;01.02.2026;Arbiet;01.03.2026;Handel", "placement", "Arbeit"),
        ("Amal;Kaya;;;01.02.2026;Arbeit;;Handel", "placement_start", "nötig"),
    ],
)
def test_row_errors_name_row_column_and_reason(manager_client, row, column, message):
    preview = upload(manager_client, csv_rows(row))
    [planned] = preview.context["report"].rows
    assert planned.action == "error"
    assert any(c == column and message in text for c, text in planned.errors), planned.errors


def test_duplicates_in_the_file_and_of_known_cases(manager_client, case):
    known = f"{case.first_name};{case.last_name};{case.date_of_birth:%d.%m.%Y};;01.02.2026;;;"
    preview = upload(
        manager_client, csv_rows("Amal;Kaya;;;01.02.2026;;;", "amal;KAYA;;;03.02.2026;;;", known)
    )
    rows = preview.context["report"].rows
    assert [row.action for row in rows] == ["new", "error", "error"]
    assert "Zeile 2" in rows[1].errors[0][1] and case.number in rows[2].errors[0][1]


def test_placements_of_known_cases_by_number(manager_client, case, wuppertal_manager):
    from partners.models import City

    other_city = factories.CaseFactory(
        case_manager=factories.case_manager("solingen", username="sol"),
        city=City.objects.sources().get(slug="solingen"),
    )
    header = (
        "Fallnummer;Vermittlung;Beginn der Vermittlung;Branche;Wochenstunden;erster Arbeitsmarkt"
    )
    content = csv_rows(
        f"{case.number};Arbeit;01.04.2026;Pflege;19,5;nein",
        f"{case.number};Arbeit;01.04.2026;Pflege;19,5;nein",
        "WUP-1999-9999;Arbeit;01.04.2026;Pflege;;",
        f"{other_city.number};Arbeit;01.04.2026;Pflege;;",
        header=header,
    )
    preview = upload(manager_client, content)
    rows = preview.context["report"].rows
    assert [row.action for row in rows] == ["placement", "error", "error", "error"]
    confirm(manager_client, preview)
    placement = Placement.objects.get()
    assert placement.case == case and placement.recorded_by == wuppertal_manager
    assert str(placement.hours_per_week) == "19.5" and placement.first_labour_market is False
    again = upload(manager_client, content).context["report"].rows[0]
    assert again.action == "error" and "schon erfasst" in again.errors[0][1]


def test_script_in_cells_is_escaped_in_the_preview(manager_client):
    preview = upload(manager_client, csv_rows("<script>alert(1)</script>;Kaya;;;01.02.2026;;;"))
    body = preview.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert(1)" not in body


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"PK\x03\x04garbage", "liste.xlsx", "Excel"),
        (b"\x00\x01\x02", "liste.csv", "Unbekannte Spalten"),
        (b"Vorname;Nachname\n", "liste.csv", "keine Zeilen"),
        (b"Vorname;Nachname\nA;B\n", "liste.ods", ".csv"),
        (b"Spitzname;Hobby\nA;B\n", "liste.csv", "Unbekannte Spalten"),
        (b"Geburtsdatum\n01.01.1990\n", "liste.csv", "braucht die Spalten"),
    ],
)
def test_files_that_cannot_be_imported_say_why(manager_client, content, name, message):
    response = upload(manager_client, content, name)
    assert message in " ".join(response.context["form"].errors["file"])


def test_a_huge_file_is_refused_with_a_clear_message(manager_client, settings):
    settings.CASEWORK_IMPORT_MAX_ROWS = 3
    rows = [f"P{n};Kaya;;;01.02.2026;;;" for n in range(4)]
    response = upload(manager_client, csv_rows(*rows))
    assert "mehr als 3 Zeilen" in " ".join(response.context["form"].errors["file"])
    settings.CASEWORK_IMPORT_MAX_BYTES = 1024 * 1024
    response = upload(manager_client, b"Vorname;Nachname\n" + b"A;B\n" * 300_000)
    assert "höchstens 1 MB" in " ".join(response.context["form"].errors["file"])


def test_the_template_has_headers_a_sample_and_the_allowed_values(manager_client):
    response = manager_client.get(reverse("casework:import_template"))
    book = load_workbook(io.BytesIO(response.content))
    data, values = book.worksheets
    header = [cell.value for cell in data[1]]
    assert header[:3] == ["Fallnummer", "Vorname", "Nachname"]
    assert "Vermittlung" in header and data[2][1].value == "Amal"
    allowed = {
        column[0].value: [c.value for c in column[1:] if c.value] for column in values.columns
    }
    assert allowed["Stadt"][0] == "Wuppertal" and "Duldung" in allowed["Aufenthaltsstatus"]
    # the template imports as it is (its sample row)
    preview = upload(manager_client, response.content, "vorlage.xlsx")
    assert [row.action for row in preview.context["report"].rows] == ["new"]


@pytest.mark.parametrize("role", ["Partner caseworkers", "Programme administrators", "Editors"])
def test_only_case_managers_import(client, role, wuppertal_manager):
    client.force_login(UserFactory(role=role))
    assert answer(client.get(URL)) == DENIED
    assert (
        answer(client.post(URL, {"file": SimpleUploadedFile("a.csv", FIXTURE.read_bytes())}))
        == DENIED
    )
    assert answer(client.get(reverse("casework:import_template"))) == DENIED
    assert not Case.objects.exists()


def test_a_case_manager_without_a_city_cannot_import(client):
    client.force_login(UserFactory(role="Case managers"))
    response = upload(client, FIXTURE.read_bytes())
    assert "keine Stadt" in " ".join(response.context["form"].errors["file"])


def test_each_case_and_placement_and_the_import_are_audited(manager_client, wuppertal_manager):
    from wagtail.models import ModelLogEntry

    confirm(manager_client, upload(manager_client, FIXTURE.read_bytes()))
    tesfaye = Case.objects.get(last_name="Tesfaye")
    actions = list(
        ModelLogEntry.objects.for_instance(tesfaye).values_list("action", "label", "user")
    )
    assert sorted(actions) == [
        ("casework.case.create", tesfaye.number, wuppertal_manager.pk),
        ("casework.placement.record", tesfaye.number, wuppertal_manager.pk),
    ]
    entry = ModelLogEntry.objects.get(action="casework.import")
    assert entry.data["cases"] == 3 and entry.data["placements"] == 2
    assert entry.data["file"] == "teilnehmende.csv" and entry.data["ip"] == "127.0.0.1"
    timeline = manager_client.get(reverse("casework:case", args=[tesfaye.pk])).content.decode()
    assert "Vermittlung erfasst" in timeline


def test_the_dashboards_hear_of_the_import(manager_client):
    from dashboards.cache import generation

    before = generation()
    confirm(manager_client, upload(manager_client, FIXTURE.read_bytes()))
    assert generation() > before


def test_queries_do_not_grow_with_the_rows(manager_client):
    def queries(count: int) -> tuple[int, int]:
        rows = [f"P{n};Kaya{n};;;01.02.2026;Arbeit;01.03.2026;Handel" for n in range(count)]
        content = csv_rows(*rows)
        with CaptureQueriesContext(connection) as preview_queries:
            preview = upload(manager_client, content)
        with CaptureQueriesContext(connection) as confirm_queries:
            confirm(manager_client, preview)
        return len(preview_queries), len(confirm_queries)

    queries(1)  # the first import of a year creates its number counter
    Case.objects.all().delete()
    few = queries(2)
    Case.objects.all().delete()
    many = queries(40)
    assert Case.objects.count() == 40 and Placement.objects.count() == 40
    assert many == few
