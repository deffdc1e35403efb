"""Spreadsheet import in the admin: preview writes nothing, confirm writes, re-import changes
nothing, encodings and delimiters, and every kind of bad input gets a clear message."""

import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Revision

import pytest
from openpyxl import Workbook

from partners import importing
from partners.models import PartnerOrganisation
from tests.partners.factories import PartnerFactory
from website.roles import PROGRAMME_ADMINISTRATORS

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/partners/import/"
CONFIRM_URL = "/admin/partners/import/confirm/"

GOOD_CSV = (
    "slug;name;kind;services;cities;description;phone\n"
    "gesa;Gesa gGmbH;training_provider;Qualifizierung | Praktikumsvermittlung;Wuppertal;"
    "Qualifizierung für Menschen mit Hemmnissen;0202 555-0300\n"
    "skf;Sozialdienst katholischer Frauen;non_profit;activation-motivation|Offers for women;"
    "wuppertal|Solingen;Aktivierung und Motivation;+49 202 555-0400\n"
)


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(PROGRAMME_ADMINISTRATORS))
    return client


def upload(client, content: bytes | str, name: str = "partners.csv"):
    if isinstance(content, str):
        content = content.encode("utf-8")
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content)})


def confirm(client):
    key = client.session[importing_session_key()]["key"]
    return client.post(CONFIRM_URL, {"key": key})


def importing_session_key() -> str:
    from partners.views import SESSION_KEY

    return SESSION_KEY


def actions(response) -> list[tuple[int, str]]:
    return [(row.line, row.action) for row in response.context["report"].rows]


def form_errors(response) -> list[str]:
    return response.context["form"].errors["file"]


def test_preview_writes_nothing_and_confirm_imports(admin_client):
    response = upload(admin_client, GOOD_CSV)
    assert response.status_code == 200
    assert actions(response) == [(2, "new"), (3, "new")]
    assert "Importieren und veröffentlichen" in response.content.decode()
    assert not PartnerOrganisation.objects.exists()
    assert not Revision.objects.exists()

    response = confirm(admin_client)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_partners_partnerorganisation:list")
    gesa = PartnerOrganisation.objects.get(locale__language_code="de", slug="gesa")
    assert gesa.live and gesa.active
    assert sorted(gesa.services.values_list("slug", flat=True)) == [
        "internship-placement",
        "qualification",
    ]
    skf = PartnerOrganisation.objects.get(locale__language_code="de", slug="skf")
    assert sorted(skf.cities.values_list("slug", flat=True)) == ["solingen", "wuppertal"]
    assert skf.phone == "+49 202 555-0400"
    assert skf.revisions.count() == 1
    assert list(PartnerOrganisation.objects.public().order_by("slug")) == [gesa, skf]


def test_reimporting_the_same_file_changes_nothing(admin_client):
    upload(admin_client, GOOD_CSV)
    confirm(admin_client)
    revisions = Revision.objects.count()
    response = upload(admin_client, GOOD_CSV)
    assert actions(response) == [(2, "skip"), (3, "skip")]
    confirm(admin_client)
    assert Revision.objects.count() == revisions


def test_changed_row_updates_by_slug(admin_client):
    PartnerFactory(slug="gesa", name="Alter Name", publish=True)
    response = upload(
        admin_client, "slug,name,kind\ngesa,Gesa gGmbH,non_profit\nneu,Neuer Partner,other\n"
    )
    assert actions(response) == [(2, "update"), (3, "new")]
    confirm(admin_client)
    assert (
        PartnerOrganisation.objects.get(locale__language_code="de", slug="gesa").name
        == "Gesa gGmbH"
    )
    assert PartnerOrganisation.objects.count() == 2


def test_windows_1252_semicolon_file_keeps_umlauts(admin_client):
    content = (
        "slug;name;kind;town\nskf;Sozialdienst katholischer Frauen Müngsten;non_profit;Köln-Süd\n"
    )
    upload(admin_client, content.encode("cp1252"))
    confirm(admin_client)
    partner = PartnerOrganisation.objects.get(locale__language_code="de", slug="skf")
    assert partner.name == "Sozialdienst katholischer Frauen Müngsten"
    assert partner.town == "Köln-Süd"


def test_utf8_with_bom_and_commas(admin_client):
    content = "\ufeffslug,name,kind,town\nbom,Gemeinnützige Träger GmbH,Sonstige,Düsseldorf\n"
    upload(admin_client, content.encode("utf-8"))
    confirm(admin_client)
    assert (
        PartnerOrganisation.objects.get(locale__language_code="de", slug="bom").name
        == "Gemeinnützige Träger GmbH"
    )


def test_xlsx_imports(admin_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["slug", "name", "kind", "postal_code", "services"])
    sheet.append(["lernwerk", "Lernwerk Remscheid gGmbH", "other", 42853, "Qualification"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(admin_client, buffer.getvalue(), "partners.xlsx")
    assert actions(response) == [(2, "new")]
    confirm(admin_client)
    partner = PartnerOrganisation.objects.get(locale__language_code="de", slug="lernwerk")
    assert partner.postal_code == "42853"
    assert list(partner.services.values_list("slug", flat=True)) == ["qualification"]


def assert_refused(response, text: str):
    assert response.status_code == 200
    assert any(text in error for error in form_errors(response)), form_errors(response)
    assert "report" not in response.context or response.context["report"] is None
    assert not PartnerOrganisation.objects.exists()


def test_wrong_columns_are_named(admin_client):
    response = upload(admin_client, "slug,Nmae,colour\nx,y,z\n")
    assert_refused(response, "Fehlende Spalten: Name (name)")
    assert any("Unbekannte Spalten: Nmae, colour" in error for error in form_errors(response))


def test_empty_file(admin_client):
    assert_refused(upload(admin_client, b""), "leer")
    assert_refused(upload(admin_client, "\n\n"), "Die Datei ist leer.")


def test_header_without_rows(admin_client):
    assert_refused(upload(admin_client, "slug,name\n"), "keine Zeilen")


def test_broken_xlsx(admin_client):
    assert_refused(upload(admin_client, b"PK\x03\x04 not really", "partners.xlsx"), "Excel")


def test_other_file_types_are_refused(admin_client):
    assert_refused(upload(admin_client, b"%PDF-1.7", "partners.pdf"), ".csv- oder .xlsx-Datei")


def test_upload_above_the_size_limit_is_refused(admin_client, settings):
    settings.PARTNERS_IMPORT_MAX_BYTES = 5 * 1024 * 1024
    content = b"slug,name\n" + b"x" * (20 * 1024 * 1024)
    assert_refused(upload(admin_client, content), "höchstens 5 MB")


def test_hundred_thousand_rows_are_refused(admin_client):
    content = "slug,name\n" + "".join(f"p{n},P{n}\n" for n in range(100_000))
    assert len(content.encode()) < importing.max_upload_bytes()
    assert_refused(upload(admin_client, content), "mehr als 50000 Zeilen")


def test_row_errors_name_row_and_column_and_nothing_is_written(admin_client):
    content = (
        "slug,name,services,cities,email,kind\n"
        "ok,Gut,Jobcoaching,Wuppertal,ok@example.org,non_profit\n"
        "dup,Erster,,,,other\n"
        "dup,Zweiter,,,,other\n"
        "bad,Falsch,Astrologie,Atlantis,keine-mail,spaceship\n"
        "ohne-art,Ohne Art,,,,\n"
    )
    response = upload(admin_client, content)
    report = response.context["report"]
    assert actions(response)[0] == (2, "new")
    assert [row.action for row in report.rows[1:]] == ["new", "error", "error", "error"]
    errors = report.errors
    assert (4, "slug", "Das Kürzel „dup“ steht schon in Zeile 3 dieser Datei.") in errors
    assert (5, "services", "Unbekannt (Angebot): “Astrologie”.") in errors
    assert (5, "cities", "Unbekannt (Stadt): “Atlantis”.") in errors
    assert any(line == 5 and column == "email" for line, column, _m in errors)
    assert any(line == 5 and column == "kind" and "spaceship" in m for line, column, m in errors)
    assert (6, "kind") in [(line, column) for line, column, _m in errors]  # never a default
    content_text = response.content.decode()
    assert "Astrologie" in content_text and 'name="key"' not in content_text
    assert not PartnerOrganisation.objects.exists()
    assert not Revision.objects.exists()


def test_confirm_revalidates_and_writes_nothing_on_new_errors(admin_client):
    upload(admin_client, "slug,name,kind,services\nneu,Neu,other,Jobcoaching\n")
    from partners.models import Service

    Service.objects.filter(slug="job-coaching").delete()
    response = confirm(admin_client)
    assert response.status_code == 200
    assert response.context["report"].has_errors
    assert not PartnerOrganisation.objects.exists()


def test_confirm_needs_the_session_key(admin_client):
    upload(admin_client, GOOD_CSV)
    response = admin_client.post(CONFIRM_URL, {"key": "0" * 32 + ".csv"})
    assert response.status_code == 302
    assert not PartnerOrganisation.objects.exists()


def test_script_in_import_is_escaped_in_the_preview(admin_client):
    response = upload(admin_client, "slug,name\nx,<script>alert(1)</script>\n")
    content = response.content.decode()
    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_upload_waits_outside_media_root(admin_client, settings):
    upload(admin_client, GOOD_CSV)
    key = admin_client.session[importing_session_key()]["key"]
    storage = importing.preview_storage(key)
    path = Path(storage._storage.path(storage.get_full_path()))
    assert path.exists()
    assert str(settings.MEDIA_ROOT) not in str(path.resolve())
    confirm(admin_client)
    assert not path.exists()


@pytest.mark.parametrize("role", ["Case managers", "Partner caseworkers", "Editors"])
def test_only_administrators_may_import(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get(IMPORT_URL).status_code in (302, 403)
    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile("p.csv", GOOD_CSV.encode())})
    assert response.status_code in (302, 403)
    assert not PartnerOrganisation.objects.exists()


def test_example_file_imports_cleanly(admin_client):
    example = Path(__file__).resolve().parents[2] / "fixtures/partners/partners-import-example.csv"
    response = upload(admin_client, example.read_bytes())
    report = response.context["report"]
    assert not report.has_errors, report.errors
    assert report.count("new") >= 3


def test_messages_follow_the_administrators_language(admin_client):
    from wagtail.users.models import UserProfile

    user = admin_client.get(IMPORT_URL).wsgi_request.user
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    response = upload(admin_client, "slug,name,kind,services\nx,X,other,Astrologie\n")
    assert (2, "services", "Unknown service: “Astrologie”.") in response.context["report"].errors
    assert "Nothing has been imported" in response.content.decode()


def test_import_does_not_run_over_unpublished_changes(admin_client):
    partner = PartnerFactory(slug="gesa", name="Gesa gGmbH", publish=True)
    partner.name = "Gesa (Entwurf in Arbeit)"
    partner.save_revision()  # a draft someone is still writing
    response = upload(
        admin_client, "slug,name,kind\ngesa,Gesa neu,other\nneu,Neuer Partner,other\n"
    )
    assert actions(response) == [(2, "error"), (3, "new")]
    assert any(
        line == 2 and "unveröffentlichte Änderungen" in message
        for line, _column, message in response.context["report"].errors
    )
    assert 'name="key"' not in response.content.decode()  # no confirm button
    partner.refresh_from_db()
    assert partner.name == "Gesa gGmbH" and partner.has_unpublished_changes
    assert not PartnerOrganisation.objects.filter(slug="neu").exists()


def test_import_respects_another_users_edit_lock(admin_client, make_user):
    from django.utils import timezone

    editor = make_user(PROGRAMME_ADMINISTRATORS, username="lockerin")
    partner = PartnerFactory(slug="skf", name="SkF", publish=True)
    PartnerOrganisation.objects.filter(pk=partner.pk).update(
        locked=True, locked_by=editor, locked_at=timezone.now()
    )
    response = upload(admin_client, "slug,name\nskf,SkF neu\n")
    assert actions(response) == [(2, "error")]
    assert any("lockerin" in message for *_where, message in response.context["report"].errors)
    assert PartnerOrganisation.objects.get(locale__language_code="de", slug="skf").name == "SkF"


def test_a_slug_in_other_letter_case_updates_the_known_partner(admin_client):
    PartnerFactory(slug="gesa-ggmbh", name="Gesa gGmbH")
    response = upload(admin_client, "slug;name\nGESA-GGMBH;Gesa gGmbH (neu)\n")
    assert actions(response) == [(2, "update")]
    confirm(admin_client)
    assert PartnerOrganisation.objects.filter(slug__iexact="gesa-ggmbh").count() == 1
    assert PartnerOrganisation.objects.get(slug="gesa-ggmbh").name == "Gesa gGmbH (neu)"


def test_the_same_slug_twice_in_other_letter_case_is_an_error(admin_client):
    response = upload(
        admin_client, "slug;name;kind\nnew-partner;Neu eins;other\nNEW-PARTNER;Neu zwei;other\n"
    )
    assert actions(response)[1] == (3, "error")
    messages = [message for _line, _column, message in response.context["report"].errors]
    assert messages == ["Das Kürzel „new-partner“ steht schon in Zeile 2 dieser Datei."]


def test_a_new_partner_whose_name_nearly_matches_a_known_one_is_flagged(admin_client):
    PartnerFactory(slug="gesa", name="Gesa gGmbH")
    response = upload(
        admin_client, "slug;name;kind\ngesa-2;GESA  gGmbH.;other\nother;Ganz anders e.V.;other\n"
    )
    report = response.context["report"]
    assert [row.action for row in report.rows] == ["new", "new"]
    assert "Gesa gGmbH" in " ".join(report.rows[0].warnings)
    assert "gesa" in " ".join(report.rows[0].warnings)
    assert report.rows[1].warnings == []
    assert "GESA  gGmbH." in response.content.decode()
    assert 'class="partner-import-warning"' in response.content.decode()
