"""In chromium, with the keyboard only (Tab, Shift+Tab, typing, Space, Enter; no clicks): a
visitor fills in the public contact form from the page load, submits it empty first and lands
on the error summary, corrects it and sees the confirmation. Every element Tab reaches shows
a focus style."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Whether the focused element draws a visible focus indicator (an outline or a box shadow).
FOCUS_SHOWN = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return document.activeElement !== document.body && (outline || style.boxShadow !== "none");
}"""
FOCUSED_MATCHES = "(selector) => document.activeElement.matches(selector)"
NEXT = ".wizard__actions .button:not(.button--secondary)"  # "Review" on a one-step form
FOCUSED_NAME = "() => document.activeElement.outerHTML.slice(0, 120)"


@pytest.fixture
def contact_form(home_pages):
    from forms_app.models import WizardFormPage
    from website import demo_forms

    demo_forms.load_forms()
    return WizardFormPage.objects.get(slug="contact", locale__language_code="en")


def tab_to(page, selector: str, *, backwards: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until ``selector`` has the focus, checking each stop's focus
    style on the way."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        assert page.evaluate(FOCUS_SHOWN), f"no visible focus on {page.evaluate(FOCUSED_NAME)}"
        if page.evaluate(FOCUSED_MATCHES, selector):
            return
    raise AssertionError(f"{selector} not reached with {key}")


def test_the_contact_form_by_keyboard_only(open_page, contact_form):
    browser_page = open_page(locale="en-GB")
    page = browser_page.page
    browser_page.visit(contact_form.url)
    expect(page.locator("h1")).to_have_text(contact_form.title)

    tab_to(page, NEXT)
    page.keyboard.press("Enter")
    summary = page.locator("#wizard-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert serious_violations(page, "failed submit") == []
    browser_page.screenshot_to("keyboard-contact-errors")

    tab_to(page, "[name='message-name']")
    page.keyboard.type("Alex Beispiel")
    tab_to(page, "[name='message-email']")
    page.keyboard.type("alex@example.invalid")
    tab_to(page, "[name='message-name']", backwards=True)  # and back, to check the name
    expect(page.locator("[name='message-name']")).to_have_value("Alex Beispiel")
    tab_to(page, "[name='message-topic']")
    page.keyboard.type("Adopting")  # a closed select picks the option typed
    expect(page.locator("[name='message-topic']")).to_have_value("adopt")
    tab_to(page, "[name='message-message']")
    page.keyboard.type("We would like to adopt the model in our city.")
    tab_to(page, "[name='message-privacy']")
    page.keyboard.press("Space")
    expect(page.locator("[name='message-privacy']")).to_be_checked()
    tab_to(page, NEXT)
    page.keyboard.press("Enter")

    expect(page.locator(".wizard__review-step")).to_contain_text("Alex Beispiel")
    tab_to(page, "button[data-submit-once]")
    page.keyboard.press("Enter")
    expect(page.locator(".wizard__done")).to_be_visible()
    assert page.url.endswith("done/")
    assert contact_form.submissions.count() == 1
    assert serious_violations(page, "confirmation") == []
    browser_page.screenshot_to("keyboard-contact-done")
    assert browser_page.console_errors == []
