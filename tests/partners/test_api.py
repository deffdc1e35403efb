"""``/api/v2/partners/``: public fields of published, active partners only."""

import pytest

from tests.partners.factories import PartnerFactory
from tests.partners.translations import translate_partner

pytestmark = pytest.mark.django_db

DETAIL_FIELDS = {
    "id",
    "meta",
    "name",
    "short_name",
    "slug",
    "kind",
    "locale",
    "description",
    "network_role",
    "services",
    "target_groups",
    "languages",
    "cities",
    "street_address",
    "postal_code",
    "town",
    "phone",
    "email",
    "website",
    "opening_hours",
    "logo",
    "contact_persons",
}


def test_detail_has_exactly_the_public_fields(client, published_partner):
    partner = published_partner(services=["job-coaching"], internal_notes="Nur intern")
    partner.contact_persons.create(name="Öffentlich", role="Coach", email="o@example.org")
    partner.contact_persons.create(name="Verborgen", show_publicly=False)
    partner.save()
    data = client.get(f"/api/v2/partners/{partner.pk}/").json()
    assert set(data) == DETAIL_FIELDS
    assert set(data["meta"]) == {"type", "detail_url"}
    assert data["services"] == [{"slug": "job-coaching", "name": "Jobcoaching"}]
    assert data["contact_persons"] == [
        {"name": "Öffentlich", "role": "Coach", "email": "o@example.org", "phone": ""}
    ]
    assert "Nur intern" not in str(data)


def test_listing_shows_only_published_active_partners(client, published_partner):
    shown = published_partner(name="Sichtbar")
    published_partner(active=False)
    draft = PartnerFactory()
    changed = published_partner(name="Veröffentlicht")
    changed.name = "Entwurfsname"
    changed.save_revision()
    data = client.get("/api/v2/partners/").json()
    assert data["meta"]["total_count"] == 2
    assert {item["name"] for item in data["items"]} == {"Sichtbar", "Veröffentlicht"}
    assert set(data["items"][0]) == {
        "id",
        "meta",
        "locale",
        "name",
        "short_name",
        "slug",
        "kind",
        "services",
        "cities",
    }
    assert client.get(f"/api/v2/partners/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/partners/{shown.pk}/").status_code == 200


@pytest.mark.parametrize(
    "field", ["internal_notes", "live", "latest_revision", "locked_by", "memberships", "active"]
)
def test_internal_fields_cannot_be_requested_or_filtered(client, published_partner, field):
    published_partner()
    assert client.get(f"/api/v2/partners/?fields={field}").status_code == 400
    assert client.get(f"/api/v2/partners/?{field}=1").status_code == 400


def test_filter_by_slug_and_search(client, published_partner):
    published_partner(name="Gesa gGmbH", slug="gesa")
    published_partner(name="Diakonie", slug="diakonie")
    assert [i["slug"] for i in client.get("/api/v2/partners/?slug=gesa").json()["items"]] == [
        "gesa"
    ]
    assert client.get("/api/v2/partners/?search=Gesa").status_code == 200


def test_locale_parameter_gives_each_partner_once_in_that_language(client, published_partner):
    translated = published_partner(
        name="Gesa", network_role="Qualifizierung", services=["job-coaching"]
    )
    translate_partner(translated, "en", network_role="Qualification")
    published_partner(name="Nur Deutsch", network_role="Beratung")
    english = client.get("/api/v2/partners/?locale=en&fields=network_role,services").json()
    rows = {item["name"]: item for item in english["items"]}
    assert english["meta"]["total_count"] == 2
    assert rows["Gesa"]["locale"] == "en" and rows["Gesa"]["network_role"] == "Qualification"
    assert rows["Gesa"]["services"] == [{"slug": "job-coaching", "name": "Job coaching"}]
    assert (
        rows["Nur Deutsch"]["locale"] == "de" and rows["Nur Deutsch"]["network_role"] == "Beratung"
    )
    german = client.get("/api/v2/partners/?fields=network_role").json()
    assert {item["network_role"] for item in german["items"]} == {"Qualifizierung", "Beratung"}
    assert client.get("/api/v2/partners/?locale=xx").status_code == 404


@pytest.mark.parametrize("endpoint", ["/api/v2/partners/", "/api/v2/pages/"])
def test_an_unknown_search_operator_is_a_bad_request_not_a_server_error(client, endpoint):
    response = client.get(endpoint, {"search": "Beratung", "search_operator": "xor"})
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]
    assert client.get(endpoint, {"search": "Beratung", "search_operator": "OR"}).status_code == 200
