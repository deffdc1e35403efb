"""In chromium: a visitor from another city opens the model documentation, prints the blank
intake form in English and in German and downloads its definition."""

import io
import json

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_content(db):
    call_command("load_demo", force=True, stdout=io.StringIO())


def test_a_blank_intake_form_opens_per_language_and_its_definition_downloads(
    browser_page, demo_content
):
    from knowledge.models import ModelDocumentationPage

    documentation = ModelDocumentationPage.objects.get(locale__language_code="en")
    page = browser_page.page
    browser_page.visit(documentation.url)
    intake = page.locator(".form-link", has_text="Intake")
    downloads = intake.locator(".form-downloads li")
    expect(downloads).to_have_count(2)
    english = downloads.filter(has_text="English")
    english.get_by_role("link", name="blank form to print").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Intake interview")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_text("First name").first).to_be_visible()
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_visible()
    browser_page.screenshot_to("printable-intake-en")

    page.locator(".printable-tools li", has_text="Deutsch").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erstgespräch (Intake)")
    assert page.locator("html").get_attribute("lang") == "de"
    expect(page.get_by_role("heading", name="Förderplan")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".printable-tools")).to_be_hidden()  # paper shows only the form
    browser_page.screenshot_to("printable-intake-de-print")
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.locator(".printable-tools li", has_text="Deutsch").get_by_role(
            "link", name="Definition zum Importieren (JSON)"
        ).click()
    assert download.value.suggested_filename == "erstgespraech.de.form.json"
    definition = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert definition["title"] == "Erstgespräch (Intake)" and len(definition["steps"]) == 5
    assert [e for e in browser_page.console_errors if "Content Security Policy" in e] == []
