"""In chromium: nothing on the public site breaks its Content Security Policy, which allows no
inline script and no inline style. One page of every public page type (the Results dashboard
among them), the partner directory's entries, the not-found page, the site's login, the contact
form from its step to its thank-you page, the intake wizard's steps, the staff dashboard, and the
Wagtail userbar a signed-in editor sees on public pages; and the admin with its page preview,
which alone allows inline styles and scripts."""

import io

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from tests.e2e.public_pages import one_public_page_per_type, page_types

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.recordCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile || location.href}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def demo_content(db):
    call_command("load_demo", force=True, cases=60, stdout=io.StringIO())


@pytest.fixture
def watched(open_page):
    """A browser page that records every CSP violation event (in frames too) and console error
    about the policy, with the URL it happened on."""

    def open_(**options):
        browser_page = open_page(**options)
        violations: list[str] = []
        browser_page.violations = violations
        browser_page.page.expose_function(
            "recordCspViolation", lambda text: violations.append(text)
        )
        browser_page.page.add_init_script(VIOLATION_LISTENER)
        return browser_page

    return open_


def csp_problems(browser_page) -> list[str]:
    console = [e for e in browser_page.console_errors if "Content Security Policy" in e]
    return [*browser_page.violations, *console]


def settle(page) -> None:
    page.wait_for_load_state("networkidle")
    drawn = page.locator(".chart__plot")
    if drawn.count():
        expect(page.locator(".chart__plot--drawn")).to_have_count(drawn.count())


def test_public_page_types_break_no_policy(watched, demo_content):
    from partners.models import PartnerOrganisation

    urls = one_public_page_per_type()
    assert {"HomePage", "DashboardPage", "WizardFormPage"} <= page_types(urls), urls
    partner = PartnerOrganisation.objects.filter(live=True).order_by("pk").first()
    paths = [
        *urls.values(),
        "/en/",
        "/en/results/",
        f"/partner/{partner.slug}/",
        "/partner/?service=qualification",
        "/seite-die-es-nicht-gibt/",
        "/_util/login/",
    ]
    browser_page = watched()
    visited = []
    for path in paths:
        response = browser_page.visit(path)
        policy = response.headers["content-security-policy"]
        directives = [part.strip() for part in policy.split(";")]
        assert "'unsafe-inline'" not in policy and "style-src 'self'" in directives, path
        settle(browser_page.page)
        visited.append(path)
    assert csp_problems(browser_page) == [], visited


def test_contact_form_from_step_to_thanks(watched, demo_content):
    from forms_app.models import WizardFormPage

    contact = WizardFormPage.objects.get(slug="kontakt", locale__language_code="de")
    browser_page = watched()
    page = browser_page.page
    browser_page.visit(contact.url)
    page.click(".wizard__actions button.button:not(.button--secondary)")  # empty: errors
    expect(page.locator(".wizard__error-summary")).to_be_visible()
    page.fill("[name='message-name']", "Greta Beispiel")
    page.fill("[name='message-email']", "greta@example.org")
    page.select_option("[name='message-topic']", "adopt")
    page.fill("[name='message-message']", "Wie übernehmen wir das Modell?")
    page.check("[name='message-privacy']")
    page.click(".wizard__actions button.button:not(.button--secondary)")
    page.wait_for_selector("[data-submit-once]")
    page.click("[data-submit-once]")
    page.wait_for_url("**/done/")
    expect(page.locator(".wizard")).to_contain_text("Vielen Dank")
    assert csp_problems(browser_page) == []


def test_intake_wizard_steps_and_the_staff_dashboard(watched, demo_content):
    from forms_app.models import WizardFormPage

    intake = WizardFormPage.objects.get(slug="erstgespraech", locale__language_code="de")
    browser_page = watched()
    page = browser_page.page
    browser_page.login("fallmanagement", "demo-fall-2026")
    browser_page.visit(intake.url)
    expect(page.locator(".wizard__progress")).to_contain_text("Schritt 1")
    page.fill("[name='background-first_name']", "Amal")
    page.fill("[name='background-last_name']", "Beispiel")
    page.check("input[name='background-gender'][value='female']")
    page.check("input[name='background-city'][value='wuppertal']")
    page.check("input[name='background-residence_status'][value='tolerated']")
    page.check("input[name='background-has_vocational_training'][value='yes']")  # shows a field
    page.fill("[name='background-vocational_training']", "Schneiderin")
    page.check("input[name='background-health_restrictions'][value='yes']")
    page.check("[name='background-consent']")
    page.click("button:has-text('Weiter')")
    expect(page.locator(".wizard__progress")).to_contain_text("Schritt 2")
    page.check("input[name='health-restriction_kind'][value='other']")  # shows a field
    page.click("button:has-text('Weiter')")  # a required field left empty: errors
    expect(page.locator(".wizard__error-summary")).to_be_visible()

    browser_page.visit("/kennzahlen/")
    settle(page)
    expect(page.locator(".chart__plot svg.main-svg").first).to_be_visible()
    assert csp_problems(browser_page) == []


def test_editor_userbar_and_admin_preview(watched, demo_content):
    from dashboards.models import DashboardPage

    browser_page = watched()
    page = browser_page.page
    browser_page.login("redaktion", "demo-redaktion-2026")
    for path in ("/", "/wissen/netzwerk-partizipation/", "/ergebnisse/"):
        browser_page.visit(path)
        trigger = page.locator("#wagtail-userbar-trigger")
        expect(trigger).to_be_visible()
        trigger.click()
        expect(page.locator("#wagtail-userbar-items")).to_be_visible()
        settle(page)
    browser_page.screenshot_to("csp-editor-userbar")
    assert csp_problems(browser_page) == []

    page.context.clear_cookies()
    browser_page.login("programm", "demo-programm-2026")
    results = DashboardPage.objects.get(slug="ergebnisse")
    response = browser_page.visit(f"/admin/pages/{results.pk}/edit/")
    assert "style-src 'self' 'unsafe-inline'" in response.headers["content-security-policy"]
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator(".chart__plot svg.main-svg").first).to_be_visible(timeout=60_000)
    assert csp_problems(browser_page) == []
