"""In chromium: a case manager opens a case, writes a plan and transfers it to Diakonie; the
Diakonie caseworker accepts it from the admin home and records an exchange and a placement;
a Gesa caseworker cannot open the case."""

from django.utils import timezone

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def people(db):
    from tests.casework import factories

    diakonie = factories.partner(name="Diakonie Wuppertal", slug="diakonie")
    gesa = factories.partner(name="Gesa gGmbH", slug="gesa")
    return {
        "manager": factories.case_manager("wuppertal", username="fatma"),
        "diakonie": factories.caseworker(diakonie, username="jonas"),
        "gesa": factories.caseworker(gesa, username="tom"),
    }


def submit(page) -> None:
    page.locator("main form button[type=submit]").first.click()


def test_case_goes_from_manager_to_partner(browser_page, open_page, people):
    from casework.models import Case, Placement

    today = timezone.localdate().isoformat()
    page = browser_page
    page.login("fatma")
    page.visit("/admin/cases/new/")
    page.fill("#id_first_name", "Amira")
    page.fill("#id_last_name", "Beispiel")
    page.fill("#id_nationality", "Syrisch")
    page.select_option("#id_gender", "female")
    page.select_option("#id_residence_status", "tolerated")
    submit(page)
    page.wait_for_url("**/admin/cases/*/")
    case = Case.objects.get()
    case_path = f"/admin/cases/{case.pk}/"

    page.click(f"a[href='{case_path}plan/']")
    page.fill("#id_summary", "Arbeit in der Logistik")
    page.fill("#id_steps-0-goal", "Arbeit in der Logistik")
    page.fill("#id_steps-0-what", "Bewerbungsmappe erstellen")
    page.fill("#id_steps-0-who", "Jobcoach")
    page.fill("#id_steps-1-goal", "Arbeit in der Logistik")
    page.fill("#id_steps-1-what", "Stellensuche im Internet lernen")
    page.fill("#id_steps-1-who", "Amira")
    submit(page)
    page.wait_for_url(f"**{case_path}")
    assert "Bewerbungsmappe erstellen" in page.locator(".casework-steps").first.inner_text()

    page.click(f"a[href='{case_path}transfer/']")
    assert page.input_value("#id_tasks-0-text") == "Bewerbungsmappe erstellen"
    page.select_option("#id_partner", label="Diakonie Wuppertal")
    page.check("#id_consent_to_share")
    submit(page)
    page.wait_for_url(f"**{case_path}")
    page.screenshot_to("casework-case-page-manager")
    page.visit("/admin/cases/")
    assert case.number in page.locator("table.listing").inner_text()
    page.screenshot_to("casework-my-cases")

    partner = open_page()
    partner.login("jonas")
    inbox = partner.locator("#casework-inbox-section, [id^=casework-inbox]").first
    assert case.number in inbox.inner_text()
    assert "Beispiel" not in inbox.inner_text()
    partner.screenshot_to("casework-partner-home")
    partner.locator(f"a:has-text('{case.number}')").first.click()
    partner.click("button[name=accept]")
    partner.wait_for_url(f"**{case_path}")
    assert "Amira Beispiel" in partner.content()

    partner.locator(f"a[href^='{case_path}exchange/']").first.click()
    partner.fill("#id_held_on", today)
    partner.fill("#id_notes", "Mappe fast fertig, Stellensuche läuft.")
    submit(partner)
    partner.wait_for_url(f"**{case_path}")
    partner.click(f"a[href='{case_path}placement/']")
    partner.select_option("#id_kind", "work")
    partner.fill("#id_starts_on", today)
    partner.fill("#id_sector", "Logistik")
    partner.fill("#id_hours_per_week", "30")
    submit(partner)
    partner.wait_for_url(f"**{case_path}")
    assert "Logistik" in partner.locator(".casework-placement").inner_text()
    assert Placement.objects.get().recorded_by == people["diakonie"]
    partner.screenshot_to("casework-case-page-partner")

    outsider = open_page()
    outsider.login("tom")
    assert outsider.visit(case_path).status == 404
    assert case.number not in outsider.content()
