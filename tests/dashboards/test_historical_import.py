"""Importing historical figures in the admin: preview writes nothing, confirm writes, German
headers, Windows-1252, and row errors for a negative count or an unknown city."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from dashboards.metrics import compute
from dashboards.models import HistoricalFigure
from website.roles import PROGRAMME_ADMINISTRATORS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

IMPORT_URL = "/admin/historical-figures/import/"
CONFIRM_URL = "/admin/historical-figures/import/confirm/"
HEADER = "Beginn;Ende;Stadt;Kennzahl;Aufschlüsselung;Kategorie;Wert;Quelle\n"
GOOD = HEADER + (
    "01.10.2008;31.08.2013;Wuppertal;participants_entered;;;1042;Vortrag Düsseldorf 2013\n"
    "01.10.2008;31.08.2013;Wuppertal;participants_entered;gender;female;448;Vortrag 2013\n"
    "01.10.2008;31.08.2013;Wuppertal;placement_rate;;;47,8;Vortrag 2013\n"
)


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(PROGRAMME_ADMINISTRATORS))
    return client


def upload(client, content: bytes, name="zahlen.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content)})


def key_of(response):
    return response.context["key"]


def test_preview_writes_nothing_then_confirm_imports(admin_client):
    response = upload(admin_client, GOOD.encode("utf-8"))
    assert response.status_code == 200
    assert [row.action for row in response.context["reports"]] == ["new", "new", "new"]
    assert HistoricalFigure.objects.count() == 0
    response = admin_client.post(CONFIRM_URL, {"key": key_of(response)})
    assert response.status_code == 302
    assert HistoricalFigure.objects.count() == 3
    assert compute("placement_rate", source="historical").total.value == 47.8
    assert HistoricalFigure.objects.get(
        breakdown="none", measure="participants_entered"
    ).source == ("Vortrag Düsseldorf 2013")


def test_importing_again_changes_nothing(admin_client):
    admin_client.post(CONFIRM_URL, {"key": key_of(upload(admin_client, GOOD.encode()))})
    response = upload(admin_client, GOOD.encode())
    assert [row.action for row in response.context["reports"]] == ["skip", "skip", "skip"]


def test_windows_1252_is_read(admin_client):
    response = upload(admin_client, GOOD.encode("cp1252"))
    assert not response.context["has_errors"]
    admin_client.post(CONFIRM_URL, {"key": key_of(response)})
    assert HistoricalFigure.objects.filter(source="Vortrag Düsseldorf 2013").exists()


def test_negative_count_and_unknown_city_are_row_errors(admin_client):
    bad = HEADER + (
        "01.10.2008;31.08.2013;Wuppertal;placements;;;-3;Vortrag\n"
        "01.10.2008;31.08.2013;Atlantis;placements;;;3;Vortrag\n"
        "01.10.2008;31.08.2013;Wuppertal;placements;;;12;Vortrag\n"
    )
    response = upload(admin_client, bad.encode())
    reports = response.context["reports"]
    assert [row.action for row in reports] == ["error", "error", "new"]
    # the admin speaks German (the site's default language)
    assert " ".join(reports[0].errors) == "Wert: Dieser Wert muss größer oder gleich 0 sein."
    assert "Unbekannte Stadt „Atlantis“" in " ".join(reports[1].errors)
    assert response.context["key"] is None
    assert b"Confirm import" not in response.content
    assert admin_client.post(CONFIRM_URL, {"key": "anything"}).status_code == 302
    assert HistoricalFigure.objects.count() == 0


def test_a_file_without_the_german_headers_is_refused(admin_client):
    response = upload(admin_client, b"start;end;value\n2008-10-01;2013-08-31;5\n")
    errors = response.context["form"].errors["file"]
    assert any("Beginn, Ende, Stadt, Kennzahl" in error for error in errors)


def test_the_listing_offers_the_import(admin_client):
    response = admin_client.get("/admin/historical_figures/")
    assert response.status_code == 200
    assert IMPORT_URL.encode() in response.content
