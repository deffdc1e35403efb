"""In chromium: a case manager downloads the import template, imports the office's participants
list (German headings, Windows-1252, ";"), sees the row for another city refused in the
preview, confirms, and finds the new cases in "Meine Fälle"."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "casework"


def test_a_case_manager_imports_participants(browser_page, db):
    from casework.models import Case
    from tests.casework import factories

    factories.case_manager("wuppertal", username="fatma")
    page = browser_page
    page.login("fatma")
    page.visit("/admin/cases/")
    page.get_by_role("link", name="Importieren").click()
    template = page.get_by_role("link", name="Vorlage herunterladen (XLSX)")
    with page.expect_download() as download:
        template.click()
    assert download.value.suggested_filename == "case-import-template.xlsx"

    page.set_input_files("input[type=file]", str(FIXTURE / "teilnehmende-windows-1252.csv"))
    page.get_by_role("button", name="Hochladen und Vorschau zeigen").click()
    table = page.locator("table.casework-import-rows")
    expect(table).to_be_visible()
    for heading in ("Vorname", "Staatsangehörigkeit", "Aufenthaltsstatus", "Branche"):
        expect(table.get_by_role("columnheader", name=heading, exact=True)).to_be_visible()
    expect(page.locator("tr.casework-import-row--new")).to_have_count(3)
    error = page.locator("tr.casework-import-row--error")
    expect(error).to_have_count(1)
    expect(error).to_contain_text("nur Fälle aus Wuppertal")
    expect(page.get_by_role("alert")).to_contain_text("Zeile 5")
    assert serious_violations(page, "import preview") == []
    page.screenshot_to("casework-import-preview")

    page.get_by_role("button", name="3 Zeilen importieren").click()
    page.wait_for_url("**/admin/cases/")
    expect(page.get_by_text("Eröffnete Fälle: 3 · erfasste Vermittlungen: 2")).to_be_visible()
    listing = page.locator("table.listing")
    for name in ("Samira Haddad", "Dawit Tesfaye", "Leyla Ahmadi"):
        expect(listing).to_contain_text(name)
    expect(listing).not_to_contain_text("Yusuf")
    assert Case.objects.count() == 3
    page.screenshot_to("casework-import-my-cases")
