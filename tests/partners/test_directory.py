"""The public directory: filters, search, pagination, empty state, detail, both languages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from partners.models import Language, Service, TargetGroup
from tests.partners.factories import PartnerFactory
from tests.partners.translations import translate_partner
from website.translating import translate

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [partner.name for partner in response.context["partners"]]


def test_lists_only_published_active_partners(client, directory_page, published_partner):
    published_partner(name="Sichtbar")
    published_partner(name="Deaktiviert", active=False)
    PartnerFactory(name="Entwurf")
    response = client.get("/partner/")
    assert response.status_code == 200
    assert names(response) == ["Sichtbar"]
    assert b"Entwurf" not in response.content and b"Deaktiviert" not in response.content


def test_unpublished_changes_stay_private(client, directory_page, published_partner):
    partner = published_partner(name="Alter Name")
    partner.name = "Neuer Name im Entwurf"
    partner.save_revision()
    response = client.get("/partner/")
    assert names(response) == ["Alter Name"]


def test_filters_by_service_city_language_and_target_group(
    client, directory_page, published_partner
):
    coach = published_partner(name="Coach", services=["job-coaching"], cities=["wuppertal"])
    trainer = published_partner(name="Trainer", services=["qualification"], cities=["solingen"])
    coach.languages.set([Language.objects.get(locale__language_code="de", slug="arabic")])
    coach.save()
    trainer.target_groups.set([TargetGroup.objects.get(locale__language_code="de", slug="women")])
    trainer.save()

    assert names(client.get("/partner/?service=job-coaching")) == ["Coach"]
    assert names(client.get("/partner/?city=solingen")) == ["Trainer"]
    assert names(client.get("/partner/?language=arabic")) == ["Coach"]
    assert names(client.get("/partner/?target_group=women")) == ["Trainer"]
    assert names(client.get("/partner/?service=job-coaching&city=solingen")) == []
    assert names(client.get("/partner/?q=trai")) == ["Trainer"]


def test_unknown_filter_value_shows_an_error_and_nothing(client, directory_page, published_partner):
    published_partner()
    response = client.get("/partner/?service=unbekannt")
    assert names(response) == []
    assert "Einige Filter konnten nicht angewendet werden" in response.content.decode()
    assert response.context["form"].errors


def test_empty_state_offers_to_show_all(client, directory_page, published_partner):
    published_partner(services=["qualification"])
    response = client.get("/partner/?service=job-coaching")
    content = response.content.decode()
    assert 'class="empty-state"' in content
    assert 'href="/partner/"' in content


def test_paginates_twelve_per_page_keeping_filters(client, directory_page, published_partner):
    for number in range(14):
        published_partner(name=f"Partner {number:02d}", services=["job-coaching"])
    first = client.get("/partner/?service=job-coaching")
    assert len(names(first)) == 12
    assert "service=job-coaching&amp;page=2" in first.content.decode()
    second = client.get("/partner/?service=job-coaching&page=2")
    assert names(second) == ["Partner 12", "Partner 13"]


def test_english_directory_shows_english_texts(client, directory_page, published_partner):
    published_partner(name="Coach", services=["job-coaching"])
    german = client.get("/partner/").content.decode()
    english = client.get("/en/partner/").content.decode()
    assert "Jobcoaching" in german and "Alle Angebote" in german
    assert "Job coaching" in english and "All services" in english
    assert '<html lang="en" dir="ltr">' in english


def test_detail_shows_contact_data_in_both_languages(client, directory_page, published_partner):
    partner = published_partner(
        name="Gesa gGmbH",
        slug="gesa",
        street_address="Werkstattstraße 3",
        postal_code="42117",
        town="Wuppertal",
        phone="0202 555-0300",
        website="https://www.example.org/gesa",
        description="Qualifizierung",
    )
    partner.contact_persons.create(name="Tom Praxisnah", role="Coach", email="tom@example.org")
    partner.contact_persons.create(name="Intern Verborgen", show_publicly=False)
    partner.save()
    translate_partner(partner, "en", description="Qualification")
    german = client.get("/partner/gesa/").content.decode()
    assert "<address" in german and "Werkstattstraße 3" in german and "42117 Wuppertal" in german
    assert "0202 555-0300" in german and "Tom Praxisnah" in german
    assert "Qualifizierung" in german
    assert "Intern Verborgen" not in german
    english = client.get("/en/partner/gesa/").content.decode()
    assert "Qualification" in english and "Contact persons" in english


def test_detail_of_draft_or_inactive_partner_is_not_found(client, directory_page):
    PartnerFactory(slug="entwurf")
    PartnerFactory(slug="inaktiv", active=False, publish=True)
    assert client.get("/partner/entwurf/").status_code == 404
    assert client.get("/partner/inaktiv/").status_code == 404


SCRIPT = "<script>alert(1)</script>"


def test_script_in_every_text_field_is_escaped(client, directory_page, published_partner):
    text_fields = [
        "name",
        "short_name",
        "description",
        "network_role",
        "street_address",
        "town",
        "phone",
        "opening_hours",
    ]
    service = Service.objects.create(name=SCRIPT, slug="xss-service")
    translate(service, Locale.objects.get(language_code="en"), {SCRIPT: SCRIPT + " "})
    partner = published_partner(
        slug="xss", services=["xss-service"], **dict.fromkeys(text_fields, SCRIPT)
    )
    partner.contact_persons.create(name=SCRIPT, role=SCRIPT, phone=SCRIPT)
    partner.save()
    for path in ("/partner/", "/partner/xss/", "/en/partner/", "/en/partner/xss/"):
        content = client.get(path).content.decode()
        assert "<script>alert" not in content, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content, path


def directory_queries(client, count: int, published_partner) -> int:
    for _number in range(count):
        partner = published_partner(services=["job-coaching", "qualification"])
        partner.cities.set([])
        partner.save()
    client.get("/partner/")  # warm the site and locale caches first
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/partner/?city=").status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_partners(client, directory_page, published_partner):
    """5 and 50 partners (12 on the page) cost the same number of queries."""
    few = directory_queries(client, 5, published_partner)
    many = directory_queries(client, 45, published_partner)
    assert few == many


def test_language_switch_on_a_partner_page_lands_on_the_same_partner(
    client, directory_page, published_partner
):
    gesa = published_partner(slug="gesa", name="Gesa gGmbH")
    published_partner(slug="nur-deutsch")
    assert 'hreflang="en"' not in client.get("/partner/gesa/").content.decode()
    translate_partner(gesa, "en", network_role="Job coaching")
    german = client.get("/partner/gesa/").content.decode()
    assert 'href="/en/partner/gesa/" hreflang="en"' in german
    assert 'hreflang="en"' not in client.get("/partner/nur-deutsch/").content.decode()
    english = client.get("/en/partner/gesa/").content.decode()
    assert 'href="/partner/gesa/" hreflang="de"' in english
    filtered = client.get("/partner/?q=Gesa").content.decode()
    assert 'href="/en/partner/?q=Gesa" hreflang="en"' in filtered
