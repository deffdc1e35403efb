"""In chromium: an administrator imports partners from a CSV and visitors find them."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CSV = (
    "slug;name;kind;services;cities;languages;description;"
    "street_address;postal_code;town;phone;email\n"
    "coaching-nord;Jobcoaching Nord e. V.;non_profit;Jobcoaching | Vermittlung in Arbeit;"
    "Wuppertal;Deutsch | Arabic;Begleitung bei Bewerbungen.;"
    "Nordstraße 1;42103;Wuppertal;0202 555-0910;nord@example.org\n"
    "werkstatt-sued;Werkstatt Süd gGmbH;training_provider;Qualification;Solingen;Deutsch;"
    "Qualifizierung in Metallberufen.;"
    "Südweg 2;42651;Solingen;0212 555-0920;sued@example.org\n"
)


def csp_violations(page) -> list[str]:
    return [error for error in page.console_errors if "Content Security Policy" in error]


@pytest.fixture
def directory(home_pages):
    from partners.demo import load_directory_pages

    load_directory_pages()


def test_administrator_imports_csv_and_visitors_filter_by_service(
    browser_page, make_user, directory, tmp_path
):
    from partners.models import PartnerOrganisation

    make_user("Programme administrators", username="paula")
    csv_file = tmp_path / "partner.csv"
    csv_file.write_bytes(CSV.encode("cp1252"))

    missing = []
    browser_page.page.on(
        "response", lambda reply: missing.append(reply.url) if reply.status == 404 else None
    )
    browser_page.login("paula")
    browser_page.visit("/admin/snippets/partners/partnerorganisation/")
    browser_page.page.get_by_role("link", name="Importieren").click()
    browser_page.page.set_input_files("input[type=file]", str(csv_file))
    browser_page.page.get_by_role("button", name="Hochladen und Vorschau zeigen").click()
    browser_page.page.wait_for_load_state("networkidle")
    preview = browser_page.page.locator("table.partner-import-rows")
    assert preview.locator("tr.partner-import-row--new").count() == 2
    assert "Werkstatt Süd gGmbH" in preview.inner_text()
    browser_page.screenshot_to("partners-import-preview")
    assert not PartnerOrganisation.objects.exists()

    browser_page.page.get_by_role("button", name="Importieren und veröffentlichen").click()
    browser_page.page.wait_for_url("**/admin/snippets/partners/partnerorganisation/")
    assert "2 angelegt" in browser_page.page.content()
    assert PartnerOrganisation.objects.public().count() == 2
    browser_page.screenshot_to("partners-admin-listing")
    partner = PartnerOrganisation.objects.get(locale__language_code="de", slug="coaching-nord")
    browser_page.visit(f"/admin/snippets/partners/partnerorganisation/edit/{partner.pk}/")
    browser_page.page.wait_for_load_state("networkidle")
    browser_page.page.get_by_role("tab", name="Kontakt").click()
    assert browser_page.page.locator("#id_phone").input_value() == "0202 555-0910"
    browser_page.screenshot_to("partners-admin-edit")
    assert csp_violations(browser_page) == []

    browser_page.visit("/partner/")
    browser_page.page.select_option("#id_service", "job-coaching")
    browser_page.page.get_by_role("button", name="Partner anzeigen").click()
    browser_page.page.wait_for_url("**/partner/?*service=job-coaching*")
    cards = browser_page.page.locator(".partner-card__name")
    assert cards.all_inner_texts() == ["Jobcoaching Nord e. V."]
    browser_page.screenshot_to("partners-directory-de")

    cards.first.locator("a").click()
    browser_page.page.wait_for_url("**/partner/coaching-nord/")
    address = browser_page.page.locator("address").inner_text()
    assert "Nordstraße 1" in address and "42103 Wuppertal" in address
    assert "Begleitung bei Bewerbungen." in browser_page.page.content()
    browser_page.screenshot_to("partners-detail-de")

    browser_page.visit("/en/partner/?service=qualification")
    assert browser_page.page.locator(".partner-card__name").all_inner_texts() == [
        "Werkstatt Süd gGmbH"
    ]
    assert "Qualification" in browser_page.page.content()
    browser_page.screenshot_to("partners-directory-en")
    browser_page.visit("/en/partner/werkstatt-sued/")
    # Not translated yet: the English page shows the source language's description.
    assert "Qualifizierung in Metallberufen." in browser_page.page.content()
    browser_page.screenshot_to("partners-detail-en")
    assert csp_violations(browser_page) == []
    assert missing == []
