"""Adding a language is configuration: a new locale, then translations are rows, not schema."""

from django.db import connection

from wagtail.models import Locale

import pytest

from partners.models import PartnerDirectoryPage, PartnerOrganisation
from tests.partners.translations import translate_partner
from website.models import HomePage
from website.translating import translate

pytestmark = pytest.mark.django_db


def schema() -> dict[str, list[str]]:
    """Every table with its columns: what a migration would change."""
    with connection.cursor() as cursor:
        return {
            table: sorted(
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            )
            for table in connection.introspection.table_names(cursor)
        }


def test_a_locale_added_at_runtime_translates_a_partner_and_a_page(client, home_pages):
    german_home = HomePage.objects.get(locale__language_code="de")
    directory = german_home.add_child(
        instance=PartnerDirectoryPage(title="Partnerverzeichnis", slug="partner", live=False)
    )
    directory.save_revision().publish()
    directory.refresh_from_db()
    partner = PartnerOrganisation.objects.create(
        name="Gesa", slug="gesa", network_role="Qualifizierung", description="Praktika"
    )
    partner.save_revision().publish()
    partner.refresh_from_db()

    before = schema()
    ukrainian = Locale.objects.create(language_code="uk")  # what the admin's Locales view does
    translate(german_home, ukrainian, {"PartizipationPlus": "PartizipationPlus"})
    translate(directory, ukrainian, {"Partnerverzeichnis": "Каталог партнерів"})
    translate_partner(partner, "uk", network_role="Кваліфікація")

    html = client.get("/uk/partner/").content.decode()
    assert '<html lang="uk" dir="ltr">' in html
    assert "Каталог партнерів" in html and "Кваліфікація" in html
    assert 'href="/partner/" hreflang="de"' in html
    assert PartnerOrganisation.objects.filter(translation_key=partner.translation_key).count() == 2
    assert schema() == before
