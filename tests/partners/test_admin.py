"""The admin: who may do what, deactivate instead of delete, export that re-imports."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Revision

import pytest
from openpyxl import load_workbook

from partners.models import PartnerMembership, PartnerOrganisation
from partners.resources import COLUMNS
from tests.partners.factories import PartnerFactory
from website.roles import (
    CASE_MANAGERS,
    EDITORS,
    MODERATORS,
    PARTNER_CASEWORKERS,
    PROGRAMME_ADMINISTRATORS,
)

pytestmark = pytest.mark.django_db

LIST = reverse("wagtailsnippets_partners_partnerorganisation:list")
ADD = reverse("wagtailsnippets_partners_partnerorganisation:add")
READERS = [CASE_MANAGERS, PARTNER_CASEWORKERS, EDITORS, MODERATORS]


def edit_url(partner) -> str:
    return reverse("wagtailsnippets_partners_partnerorganisation:edit", args=[partner.pk])


def delete_url(partner) -> str:
    return reverse("wagtailsnippets_partners_partnerorganisation:delete", args=[partner.pk])


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(PROGRAMME_ADMINISTRATORS))
    return client


def form_data(**overrides) -> dict:
    data = {
        "name": "Neuer Partner",
        "short_name": "",
        "slug": "neuer-partner",
        "kind": "non_profit",
        "active": "on",
        "contact_persons-TOTAL_FORMS": "0",
        "contact_persons-INITIAL_FORMS": "0",
        "contact_persons-MIN_NUM_FORMS": "0",
        "contact_persons-MAX_NUM_FORMS": "1000",
    }
    return {**data, **overrides}


def test_administrator_adds_a_draft_then_publishes(admin_client):
    response = admin_client.post(ADD, form_data())
    assert response.status_code == 302
    partner = PartnerOrganisation.objects.get(locale__language_code="de", slug="neuer-partner")
    assert not partner.live
    assert not PartnerOrganisation.objects.public().exists()
    response = admin_client.post(edit_url(partner), form_data(**{"action-publish": "publish"}))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.live
    assert partner.revisions.count() == 2


@pytest.mark.parametrize("role", READERS)
def test_other_roles_may_read_but_not_edit(client, make_user, role):
    partner = PartnerFactory(publish=True)
    client.force_login(make_user(role))
    assert client.get(LIST).status_code == 200
    inspect = reverse("wagtailsnippets_partners_partnerorganisation:inspect", args=[partner.pk])
    assert client.get(inspect).status_code == 200
    assert client.get(ADD).status_code == 302
    assert client.post(ADD, form_data()).status_code == 302
    client.post(edit_url(partner), form_data(name="Übernommen"))
    client.post(delete_url(PartnerFactory()))
    partner.refresh_from_db()
    assert partner.name != "Übernommen"
    assert PartnerOrganisation.objects.count() == 2
    assert not PartnerOrganisation.objects.filter(slug="neuer-partner").exists()


def test_anonymous_visitors_are_sent_to_the_login(client):
    assert client.get(LIST).status_code == 302


def test_partner_with_history_cannot_be_deleted(admin_client):
    partner = PartnerFactory(publish=True, name="Diakonie")
    response = admin_client.post(delete_url(partner), follow=True)
    assert PartnerOrganisation.objects.filter(pk=partner.pk).exists()
    assert "Diakonie" in response.content.decode()
    messages = [str(m) for m in response.context["messages"]]
    assert any("active" in message or "aktiv" in message for message in messages)


def test_never_published_partner_without_members_can_be_deleted(admin_client):
    partner = PartnerFactory()
    admin_client.post(delete_url(partner))
    assert not PartnerOrganisation.objects.filter(pk=partner.pk).exists()


def test_bulk_delete_also_keeps_history(admin_client):
    kept = PartnerFactory(publish=True)
    url = (
        reverse("wagtail_bulk_action", args=["partners", "partnerorganisation", "delete"])
        + f"?id={kept.pk}"
    )
    admin_client.post(url)
    assert PartnerOrganisation.objects.filter(pk=kept.pk).exists()


def test_csv_export_escapes_formulas_and_reimports_unchanged(admin_client):
    PartnerFactory(
        slug="formel",
        name='=HYPERLINK("http://evil.example")',
        phone="+49 202 555-0100",
        services=["job-coaching", "qualification"],
        cities=["wuppertal"],
        publish=True,
    )
    response = admin_client.get(LIST + "?export=csv")
    content = b"".join(response.streaming_content)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    assert rows[0] == COLUMNS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["phone"] == "'+49 202 555-0100"
    assert row["services"] == "Jobcoaching | Qualifizierung"

    revisions = Revision.objects.count()
    preview = admin_client.post(
        "/admin/partners/import/", {"file": SimpleUploadedFile("export.csv", content)}
    )
    report = preview.context["report"]
    assert [row.action for row in report.rows] == ["skip"], report.errors
    partner = PartnerOrganisation.objects.get(locale__language_code="de", slug="formel")
    assert partner.name == '=HYPERLINK("http://evil.example")'
    assert Revision.objects.count() == revisions


def test_xlsx_export_keeps_formulas_as_text(admin_client):
    PartnerFactory(slug="formel", name="=1+1", publish=True)
    response = admin_client.get(LIST + "?export=xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert header == COLUMNS
    name_cell = sheet.cell(row=2, column=COLUMNS.index("name") + 1)
    assert name_cell.data_type == "s"
    assert name_cell.value == "'=1+1"


def test_admin_preview_escapes_script(admin_client):
    script = "<script>alert(2)</script>"
    text_fields = (
        "name",
        "short_name",
        "description",
        "network_role",
        "street_address",
        "town",
        "phone",
        "opening_hours",
    )
    partner = PartnerFactory(**dict.fromkeys(text_fields, script))
    response = partner.make_preview_request()
    content = response.render().content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in content


def test_administrator_sets_a_membership(admin_client, make_user):
    caseworker = make_user(PARTNER_CASEWORKERS)
    partner = PartnerFactory(publish=True)
    response = admin_client.post(
        reverse("partner_memberships:add"),
        {"user": caseworker.pk, "partner": partner.pk},
    )
    assert response.status_code == 302
    assert caseworker.partner_membership.partner == partner
    second = admin_client.post(
        reverse("partner_memberships:add"),
        {"user": caseworker.pk, "partner": PartnerFactory().pk},
    )
    assert second.status_code == 200  # one partner per user
    assert PartnerMembership.objects.count() == 1


def test_caseworker_cannot_change_memberships(client, make_user):
    client.force_login(make_user(PARTNER_CASEWORKERS))
    assert client.get(reverse("partner_memberships:add")).status_code == 302


def test_network_menu_lists_the_directory(admin_client):
    content = admin_client.get("/admin/").content.decode()
    assert LIST in content
    assert reverse("partner_memberships:index") in content


def test_listing_filters_and_search(admin_client):
    from partners.models import Service

    PartnerFactory(name="Coach Eins", services=["job-coaching"], publish=True)
    PartnerFactory(name="Werkstatt Zwei", services=["qualification"], kind="employer")
    coaching = Service.objects.get(locale__language_code="de", slug="job-coaching")
    content = admin_client.get(LIST + f"?services={coaching.pk}").content.decode()
    assert "Coach Eins" in content and "Werkstatt Zwei" not in content
    content = admin_client.get(LIST + "?kind=employer").content.decode()
    assert "Werkstatt Zwei" in content and "Coach Eins" not in content
    content = admin_client.get(LIST + "?q=Werkstatt").content.decode()
    assert "Werkstatt Zwei" in content and "Coach Eins" not in content
    assert "/admin/partners/import/" in admin_client.get(LIST).content.decode()


def test_vocabulary_and_membership_listings_search(admin_client, make_user):
    services = reverse("wagtailsnippets_partners_service:list")
    content = admin_client.get(services + "?q=Jobcoaching").content.decode()
    assert "Jobcoaching" in content and "Qualifizierung" not in content
    PartnerMembership.objects.create(
        user=make_user(PARTNER_CASEWORKERS, username="piet"), partner=PartnerFactory(name="Gesa")
    )
    memberships = reverse("partner_memberships:index")
    assert "piet" in admin_client.get(memberships + "?q=Gesa").content.decode()
    assert "piet" not in admin_client.get(memberships + "?q=Diakonie").content.decode()


@pytest.mark.parametrize("role", [EDITORS, MODERATORS, CASE_MANAGERS])
def test_staff_who_link_partners_can_choose_them(client, make_user, role):
    PartnerFactory(name="Gesa gGmbH", publish=True)
    client.force_login(make_user(role))
    response = client.get(reverse("wagtailsnippetchoosers_partners_partnerorganisation:choose"))
    assert response.status_code == 200
    assert "Gesa gGmbH" in response.content.decode()


@pytest.mark.parametrize("role", ["Partner caseworkers", "Case managers", "Editors", "Moderators"])
def test_internal_notes_stay_hidden_from_roles_that_only_look_partners_up(client, make_user, role):
    partner = PartnerFactory(slug="intern", name="Intern e. V.", internal_notes="Nur fürs Programm")
    client.force_login(make_user(role))
    response = client.get(f"/admin/snippets/partners/partnerorganisation/inspect/{partner.pk}/")
    assert response.status_code == 200
    assert "Intern e. V." in response.content.decode()
    assert "Nur fürs Programm" not in response.content.decode()
