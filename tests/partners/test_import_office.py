"""The office's own files in the admin import: the fixtures with German headings (Windows-1252
CSV and XLSX), every column in the preview, did-you-mean and synonyms, required values, and
saving as drafts or publishing."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from partners import importing
from partners.models import Language, PartnerOrganisation, Service
from partners.views import SESSION_KEY
from tests.partners.factories import PartnerFactory
from website.roles import PROGRAMME_ADMINISTRATORS

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "partners"
CSV_FILE = FIXTURES / "partners-buero-windows-1252.csv"
XLSX_FILE = FIXTURES / "partners-buero.xlsx"
IMPORT_URL = "/admin/partners/import/"


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(PROGRAMME_ADMINISTRATORS))
    return client


def upload(client, path: Path):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(path.name, path.read_bytes())})


def confirm(client, mode: str):
    key = client.session[SESSION_KEY]["key"]
    return client.post(IMPORT_URL + "confirm/", {"key": key, "mode": mode})


def add_synonym(client, column: str, value: str, entry: str):
    return client.post(IMPORT_URL + "synonym/", {"column": column, "value": value, "entry": entry})


def test_the_windows_1252_file_with_german_headings_is_read_and_farsi_gets_a_suggestion(
    admin_client,
):
    assert CSV_FILE.read_bytes().decode("cp1252").startswith("Name;Kurzname;Art;")
    response = upload(admin_client, CSV_FILE)
    report = response.context["report"]
    assert report.columns[:4] == ["name", "short_name", "kind", "description"]
    assert [row.action for row in report.rows] == ["error", "new"]
    assert report.suggestions == [("languages", "Farsi", ["Persisch (Farsi)"])]
    assert (2, "languages", "Unbekannt (Sprache): “Farsi”. Meinten Sie “Persisch (Farsi)”?") in (
        report.errors
    )
    text = response.content.decode()
    # every column, as the admin names it, and the texts to check before importing
    for heading in ("Kurzname", "Beschreibung", "Öffnungszeiten", "Straße und Hausnummer"):
        assert f">{heading}</th>" in text
    assert "Qualifizierung in Metall und Lager" in text and "Mo–Fr 8:00–15:30" in text
    assert "Meinten Sie" in text and 'name="entry"' in text
    assert not PartnerOrganisation.objects.exists()


def test_a_synonym_is_kept_and_later_imports_accept_it(admin_client, make_user):
    upload(admin_client, CSV_FILE)
    response = add_synonym(admin_client, "languages", "Farsi", "Persisch (Farsi)")
    assert response.status_code == 200
    assert not response.context["report"].has_errors
    persian = Language.objects.get(slug="persian", locale__language_code="de")
    assert persian.synonym_list() == ["Farsi"]
    # a new import, another day, with no session: the synonym is remembered
    parsed = importing.parse(CSV_FILE.read_bytes(), "csv")
    report = importing.run_import(parsed, make_user(), dry_run=False)
    assert not report.has_errors
    partner = PartnerOrganisation.objects.get(slug="beratungsstelle-olberg-e-v-beispiel")
    assert sorted(partner.languages.values_list("slug", flat=True)) == [
        "arabic",
        "german",
        "persian",
    ]


def test_a_synonym_never_takes_another_entrys_name(admin_client):
    upload(admin_client, CSV_FILE)
    add_synonym(admin_client, "languages", "Deutsch", "Persisch (Farsi)")
    assert Language.objects.get(slug="persian", locale__language_code="de").synonyms == ""
    add_synonym(admin_client, "languages", "Farsi", "Gibt es nicht")
    assert Language.objects.get(slug="persian", locale__language_code="de").synonyms == ""


def test_the_xlsx_file_with_german_headings_suggests_the_near_miss_service(admin_client):
    response = upload(admin_client, XLSX_FILE)
    report = response.context["report"]
    assert report.columns[:4] == ["slug", "name", "short_name", "kind"]
    assert report.suggestions == [("services", "Jobcoching", ["Jobcoaching"])]
    assert [row.action for row in report.rows] == ["error", "new"]


def test_a_missing_kind_is_an_error_never_a_default(admin_client, make_user):
    user = make_user()
    no_column = importing.parse(b"Name;Ort\nNeu e. V.;Wuppertal\n", "csv")
    report = importing.run_import(no_column, user, dry_run=False)
    assert [(line, column) for line, column, _m in report.errors] == [(2, "kind")]
    empty_cell = importing.parse(b"Name;Art\nNeu e. V.;\n", "csv")
    report = importing.run_import(empty_cell, user, dry_run=False)
    assert [(line, column) for line, column, _m in report.errors] == [(2, "kind")]
    assert "Gemeinnütziger Träger" in report.errors[0][2]  # the allowed kinds are named
    assert not PartnerOrganisation.objects.exists()
    # a known partner keeps its kind when the file has no such column
    PartnerFactory(slug="gesa", name="Gesa", kind="employer", publish=True)
    report = importing.run_import(
        importing.parse(b"slug;name\ngesa;Gesa gGmbH\n", "csv"), user, dry_run=False
    )
    assert not report.has_errors
    assert PartnerOrganisation.objects.get(slug="gesa").kind == "employer"


def test_the_preview_marks_new_and_changed_values_with_the_stored_one(admin_client):
    PartnerFactory(
        slug="integrationsladen-remscheid",
        name="Integrationsladen Remscheid (Beispiel)",
        kind="municipal_office",
        postal_code="42857",
        email="laden@example.org",
        publish=True,
    )
    Service.objects.get(slug="job-coaching", locale__language_code="de").add_synonym("Jobcoching")
    response = upload(admin_client, XLSX_FILE)
    report = response.context["report"]
    assert [row.action for row in report.rows] == ["update", "new"]
    cells = {column: (state, before) for column, _text, state, before in report.rows[0].cells}
    assert cells["postal_code"] == ("changed", "42857")
    assert cells["name"] == ("", "") and cells["email"] == ("", "")
    assert cells["services"][0] == "changed"
    assert {state for _c, text, state, _b in report.rows[1].cells if text} == {"new"}
    text = response.content.decode()
    assert "partner-import-cell--changed" in text and "partner-import-cell--new" in text
    assert "42857</del>" in text


def test_draft_leaves_the_live_partner_and_publish_makes_it_live(admin_client):
    live = PartnerFactory(
        slug="integrationsladen-remscheid",
        name="Integrationsladen (alt)",
        kind="municipal_office",
        publish=True,
    )
    Service.objects.get(slug="job-coaching", locale__language_code="de").add_synonym("Jobcoching")
    upload(admin_client, XLSX_FILE)
    response = confirm(admin_client, "draft")
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.name == "Integrationsladen (alt)" and live.live  # what the public sees stays
    assert live.has_unpublished_changes
    assert live.latest_revision.content["name"] == "Integrationsladen Remscheid (Beispiel)"
    new = PartnerOrganisation.objects.get(slug="cafe-kontakt-solingen")
    assert not new.live and new.has_unpublished_changes and new.live_revision is None
    assert new.latest_revision.content["name"] == "Café Kontakt Solingen (Beispiel)"
    assert not PartnerOrganisation.objects.public().filter(pk=new.pk).exists()
    assert list(new.languages.values_list("slug", flat=True)) == ["german", "tigrinya"]

    # publishing each draft as Wagtail does
    for partner in (live, new):
        partner.latest_revision.publish()
    live.refresh_from_db()
    new.refresh_from_db()
    assert live.name == "Integrationsladen Remscheid (Beispiel)" and live.postal_code == "42853"
    assert new.live and not new.has_unpublished_changes
    assert PartnerOrganisation.objects.public().count() == 2


def test_publish_makes_the_rows_live_at_once(admin_client):
    Service.objects.get(slug="job-coaching", locale__language_code="de").add_synonym("Jobcoching")
    upload(admin_client, XLSX_FILE)
    confirm(admin_client, "publish")
    assert PartnerOrganisation.objects.public().count() == 2
    assert not PartnerOrganisation.objects.filter(has_unpublished_changes=True).exists()


def test_the_template_is_offered_as_a_visible_download(admin_client):
    page = admin_client.get(IMPORT_URL).content.decode()
    assert 'href="/admin/partners/import/template.xlsx"' in page
    assert "<details>" not in page
    response = admin_client.get("/admin/partners/import/template.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"
