"""The demo content: the Wuppertal partners with their roles, idempotent, both languages."""

from io import StringIO
from types import SimpleNamespace

from wagtail.models import Revision

import pytest

from partners import demo
from partners.models import PartnerDirectoryPage, PartnerMembership, PartnerOrganisation

pytestmark = pytest.mark.django_db


def load_demo() -> None:
    """The site shell's demo (home pages, demo users), then this app's, as ``load_demo`` does."""
    from website import demo as website_demo

    website_demo.load_home_pages()
    website_demo.load_arabic_home()
    website_demo.load_users()
    demo.load(SimpleNamespace(stdout=StringIO()))


def test_demo_loads_partners_directory_and_membership_once(client):
    load_demo()
    counts = (PartnerOrganisation.objects.count(), Revision.objects.count())
    load_demo()
    assert (PartnerOrganisation.objects.count(), Revision.objects.count()) == counts

    english = PartnerOrganisation.objects.filter(locale__language_code="en")
    roles = dict(english.values_list("slug", "network_role"))
    assert roles["stadt-wuppertal-zuwanderung-integration"] == "Central case management"
    assert roles["diakonie-wuppertal-migrationsdienste"] == "Job coaching"
    assert roles["gesa-ggmbh"].startswith("Qualification, internships")
    assert roles["skf-wuppertal"].startswith("Activation and motivation")
    every_partner = PartnerOrganisation.objects.public()
    assert (
        every_partner.count() == every_partner.filter(services__slug="placement-into-work").count()
    )
    assert set(every_partner.values_list("cities__slug", flat=True)) == {
        "wuppertal",
        "solingen",
        "remscheid",
    }
    assert not every_partner.exclude(email__endswith="@example.org").exists()

    membership = PartnerMembership.objects.get(user__username="partner")
    assert membership.partner.slug == "diakonie-wuppertal-migrationsdienste"

    assert PartnerDirectoryPage.objects.live().count() == 3
    assert "Gesa gGmbH" in client.get("/partner/").content.decode()
    assert "Job coaching" in client.get("/en/partner/").content.decode()
    arabic = client.get("/ar/partner/").content.decode()
    assert 'dir="rtl"' in arabic and "دليل الشركاء" in arabic and "التدريب على العمل" in arabic
    assert client.get("/ar/partner/diakonie-wuppertal-migrationsdienste/").status_code == 200
