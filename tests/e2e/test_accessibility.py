"""In chromium, axe-core over one page of every public page type in German and English (found
from the live pages, so a new page type is checked too), the routable sub-pages (a partner's
entry, a knowledge search), the site's login, 403 and 404 pages; and over every step of the
demo intake wizard as a case manager, once after a failed submit. 0 serious or critical."""

import io

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations
from tests.e2e.public_pages import LANGUAGES, one_public_page_per_type, page_types

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_content(db):
    call_command("load_demo", force=True, cases=0, stdout=io.StringIO())


def routable_and_site_pages() -> dict[str, str]:
    from knowledge.models import KnowledgeIndexPage
    from partners.models import PartnerDirectoryPage, PartnerOrganisation

    pages = {}
    for language in LANGUAGES:
        directory = PartnerDirectoryPage.objects.live().get(locale__language_code=language)
        partner = PartnerOrganisation.objects.public().filter(locale=directory.locale).first()
        pages[f"partner entry ({language})"] = directory.url + directory.reverse_subpage(
            "partner_detail", args=[partner.slug]
        )
        index = KnowledgeIndexPage.objects.live().filter(locale__language_code=language).first()
        pages[f"knowledge search ({language})"] = f"{index.url}?q=Netzwerk"
        pages[f"filtered directory ({language})"] = f"{directory.url}?q=zzzz-nothing"
        pages[f"404 ({language})"] = f"/{language}/there-is-no-such-page/"
    return pages


def check(browser_page, pages: dict[str, str]) -> list[str]:
    found = []
    for name, url in pages.items():
        browser_page.visit(url)
        expect(browser_page.page.locator("h1").first).to_be_visible()
        found += serious_violations(browser_page.page, f"{name} {url}")
    return found


def test_every_public_page_type_has_no_serious_violations(open_page, demo_content):
    from forms_app.models import WizardFormPage

    pages = one_public_page_per_type()
    expected = {"HomePage", "ContentPage", "KnowledgeIndexPage", "GoodPracticePage"}
    expected |= {"ModelDocumentationPage", "PartnerDirectoryPage", "WizardFormPage"}
    assert page_types(pages) >= expected
    pages |= routable_and_site_pages()
    staff_forms = {"de": "erstgespraech", "en": "intake"}
    for language in LANGUAGES:
        staff_form = WizardFormPage.objects.get(slug=staff_forms[language])
        browser_page = open_page(locale="en-GB" if language == "en" else "de-DE")
        found = check(browser_page, {k: v for k, v in pages.items() if f"({language})" in k})
        # A visitor sent to a staff-only form: the site's login, in its layout.
        found += check(browser_page, {f"login ({language})": staff_form.url})
        assert found == [], "\n".join(found)
    browser_page.visit(pages["GoodPracticePage (en)"])
    expect(browser_page.page.locator("#contact-heading")).to_be_visible()
    browser_page.screenshot_to("good-practice-contact-box-en")
    browser_page.login("partner", "demo-partner-2026")  # logged in, but not a case manager
    browser_page.visit(staff_form.url)
    expect(browser_page.page.locator("h1")).to_be_visible()
    assert serious_violations(browser_page.page, "no access") == []
    browser_page.screenshot_to("a11y-403")


@pytest.fixture
def intake(home_pages):
    from forms_app.models import WizardFormPage
    from website import demo_forms

    demo_forms.load_forms()
    return WizardFormPage.objects.get(slug="erstgespraech")


def next_step(page, label: str = "Weiter") -> None:
    page.locator(".wizard__actions").get_by_role("button", name=label).click()


def step_is_clean(page, name: str) -> list[str]:
    expect(page.locator(".wizard__form h2").first).to_be_visible()
    return serious_violations(page, name)


def test_every_intake_step_has_no_serious_violations(browser_page, intake):
    from tests.casework import factories

    factories.case_manager("wuppertal", username="fatma")
    page = browser_page.page
    browser_page.login("fatma")
    browser_page.visit(intake.url)
    found = step_is_clean(page, "background")
    next_step(page)  # nothing filled in: the error summary
    expect(page.locator("#wizard-error-summary")).to_be_focused()
    found += step_is_clean(page, "background, failed submit")
    browser_page.screenshot_to("a11y-intake-errors")

    page.fill("[name='background-first_name']", "Selam")
    page.fill("[name='background-last_name']", "Tesfay")
    page.check("input[name='background-gender'][value='female']")
    page.check("input[name='background-city'][value='wuppertal']")
    page.check("input[name='background-residence_status'][value='humanitarian']")
    page.check("input[name='background-has_vocational_training'][value='yes']")
    page.fill("[name='background-vocational_training']", "Schneiderin")
    page.check("input[name='background-health_restrictions'][value='yes']")
    page.check("[name='background-consent']")
    next_step(page)
    found += step_is_clean(page, "health")
    page.check("input[name='health-restriction_kind'][value='physical']")
    page.check("input[name='health-employability'][value='limited']")
    next_step(page)
    found += step_is_clean(page, "plan")
    page.fill("[name='plan-goal']", "Arbeit in der Textilreinigung")
    page.fill("[name='plan-plan_steps-0-task']", "Bewerbungsmappe erstellen")
    next_step(page)
    found += step_is_clean(page, "transfer")
    page.check("input[name='transfer-transfer_needed'][value='yes']")
    found += step_is_clean(page, "transfer, with the transfer's fields shown")
    page.check("input[name='transfer-transfer_needed'][value='no']")
    next_step(page)
    found += step_is_clean(page, "training")
    next_step(page, "Überprüfen")
    expect(page.locator(".wizard__review-step").first).to_be_visible()
    found += serious_violations(page, "review")
    browser_page.screenshot_to("a11y-intake-review")
    assert found == [], "\n".join(found)
    assert browser_page.console_errors == []
