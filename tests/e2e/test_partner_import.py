"""In chromium: an administrator imports the office's own spreadsheets (German headings, a
Windows-1252 CSV and an XLSX), takes the "did you mean" as a synonym, saves as drafts, then
publishes them from the partner list."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "partners"
LIST_URL = "/admin/snippets/partners/partnerorganisation/"


def upload(page, path: Path) -> None:
    page.visit("/admin/partners/import/")
    page.set_input_files("input[type=file]", str(path))
    page.get_by_role("button", name="Hochladen und Vorschau zeigen").click()
    expect(page.locator("table.partner-import-rows")).to_be_visible()


def take_suggestion(page, value: str, meant: str) -> None:
    suggestion = page.locator(".partner-import-suggestion", has_text=f"“{value}”")
    expect(suggestion).to_contain_text(f"Meinten Sie “{meant}”?")
    expect(suggestion.get_by_role("combobox")).to_have_value(meant)
    suggestion.get_by_role("button", name="Als Synonym übernehmen").click()
    expect(page.get_by_text(f"„{value}“ wird jetzt als „{meant}“ angenommen.")).to_be_visible()


def save_as_drafts(page) -> None:
    expect(page.locator("tr.partner-import-row--error")).to_have_count(0)
    page.get_by_role("button", name="Als Entwürfe importieren").click()
    page.wait_for_url(f"**{LIST_URL}")
    expect(page.get_by_text("Als Entwürfe gespeichert: 2 neu")).to_be_visible()


def test_office_spreadsheets_import_as_drafts_and_are_published(browser_page, make_user):
    from partners.models import Language, PartnerOrganisation, Service

    make_user("Programme administrators", username="paula")
    page = browser_page
    page.login("paula")
    page.visit(LIST_URL)
    page.get_by_role("link", name="Importieren").click()
    template = page.get_by_role("link", name="Vorlage herunterladen (XLSX)")
    expect(template).to_be_visible()
    with page.expect_download() as download:
        template.click()
    assert download.value.suggested_filename == "partner-import-template.xlsx"

    # Windows-1252, ";" and the headings an office writes: "Farsi" is not in the list
    upload(page, FIXTURES / "partners-buero-windows-1252.csv")
    table = page.locator("table.partner-import-rows")
    for heading in ("Kurzname", "Art", "Beschreibung", "Städte", "Öffnungszeiten"):
        expect(table.get_by_role("columnheader", name=heading, exact=True)).to_be_visible()
    expect(table).to_contain_text("Beratungsstelle Ölberg e. V. (Beispiel)")
    expect(table).to_contain_text("Qualifizierung in Metall und Lager")
    expect(page.locator("tr.partner-import-row--error")).to_have_count(1)
    page.screenshot_to("partner-import-preview-did-you-mean")
    take_suggestion(page, "Farsi", "Persisch (Farsi)")
    expect(page.locator("td.partner-import-cell--new").first).to_be_visible()
    page.screenshot_to("partner-import-preview-after-synonym")
    save_as_drafts(page)
    assert Language.objects.get(slug="persian", locale__language_code="de").synonyms == "Farsi"

    # the XLSX: "Jobcoching" meant "Jobcoaching"
    upload(page, FIXTURES / "partners-buero.xlsx")
    take_suggestion(page, "Jobcoching", "Jobcoaching")
    save_as_drafts(page)
    assert (
        "Jobcoching"
        in Service.objects.get(slug="job-coaching", locale__language_code="de").synonyms
    )

    drafts = PartnerOrganisation.objects.filter(locale__language_code="de")
    assert drafts.count() == 4
    assert not drafts.filter(live=True).exists()
    assert all(partner.latest_revision_id for partner in drafts)

    # publish them all from the listing, as Wagtail's bulk actions do
    page.visit(LIST_URL)
    page.locator("input[data-bulk-action-select-all-checkbox]").first.check()
    page.locator("[data-bulk-action-footer]").get_by_role("link", name="Veröffentlichen").click()
    expect(page.get_by_text("Beratungsstelle Ölberg e. V. (Beispiel)")).to_be_visible()
    page.get_by_role("button", name="Ja, veröffentlichen").click()
    page.wait_for_url(f"**{LIST_URL}")
    expect(page.get_by_text("4 Partner veröffentlicht.")).to_be_visible()
    assert PartnerOrganisation.objects.public().count() == 4
    ölberg = PartnerOrganisation.objects.get(slug="beratungsstelle-olberg-e-v-beispiel")
    assert ölberg.languages.filter(slug="persian").exists()
    assert page.console_errors == []
