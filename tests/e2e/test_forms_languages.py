"""In chromium: the Arabic contact form (a wagtail-localize translation of the German one) renders
right-to-left, passes axe-core without serious or critical violations, is filled and submitted,
and its submission is listed beside the German ones."""

import pytest

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_arabic_contact_form_right_to_left_accessible_and_in_the_same_list(
    browser_page, make_user, home_pages
):

    from forms_app.models import FormSubmission, WizardFormPage
    from website import demo_forms

    demo_forms.load_forms()
    german = WizardFormPage.objects.get(slug="kontakt", locale__language_code="de")
    arabic = WizardFormPage.objects.get(
        translation_key=german.translation_key, locale__language_code="ar"
    )
    FormSubmission.objects.create(
        page=german, language="de", answers={"name": "Greta Beispiel", "topic": "adopt"}
    )
    make_user("Programme administrators", username="paula")
    page = browser_page.page

    browser_page.visit(arabic.url)
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    form = page.locator(".wizard__form")
    assert form.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert "رسالتك" in page.inner_text(".wizard")
    # right to left: a label's text starts at the right edge of the form, not the left
    box = form.bounding_box()
    left, right = page.locator("label[for='id_message-name']").evaluate(
        "element => { const range = document.createRange(); range.selectNodeContents(element);"
        " const rect = range.getBoundingClientRect(); return [rect.left, rect.right]; }"
    )
    assert abs((box["x"] + box["width"]) - right) < 2 and left - box["x"] > 100
    browser_page.screenshot_to("forms-arabic-step")
    assert serious_violations(page) == []

    page.fill("[name='message-name']", "أمل مثال")
    page.fill("[name='message-email']", "amal@example.org")
    page.select_option("[name='message-topic']", "adopt")
    page.fill("[name='message-message']", "أود معرفة المزيد عن النموذج.")
    page.check("[name='message-privacy']")
    page.click(".wizard__actions button.button:not(.button--secondary)")
    page.wait_for_selector("[data-submit-once]")
    review = page.inner_text(".wizard")
    assert "أمل مثال" in review and "تبنّي النموذج" in review  # the Arabic choice label
    browser_page.screenshot_to("forms-arabic-review")
    assert serious_violations(page) == []
    page.click("[data-submit-once]")
    page.wait_for_url("**/done/")
    assert "شكرًا على رسالتك" in page.inner_text(".wizard")
    assert serious_violations(page) == []
    submission = FormSubmission.objects.get(language="ar")
    assert submission.page_id == arabic.pk
    assert submission.answers["topic"] == "adopt" and submission.answers["privacy"] is True

    page.context.clear_cookies()
    browser_page.login("paula")
    browser_page.visit(f"/admin/forms-app/{german.pk}/")
    listing = page.inner_text("main")
    assert "أمل مثال" in listing and "Greta Beispiel" in listing and "Arabisch" in listing
    browser_page.screenshot_to("forms-arabic-admin-list")
