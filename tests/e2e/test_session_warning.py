"""In chromium: the wizard warns before the session ends; "Stay signed in" keeps it and the
answers; at the absolute end, which cannot be extended, the page is saved as a draft."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations
from tests.forms_app.factories import field, make_form_page, step
from website import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def form_page(home_pages, make_user):
    from website.models import HomePage

    make_user(roles.CASE_MANAGERS, username="fatma")
    home = HomePage.objects.get(locale__language_code="de")
    return make_form_page(
        home,
        step("person", field("short_text", "name", "Name", required=True)),
        step("notes", field("long_text", "notes", "Notizen")),
        title="Sitzungstest",
        slug="sitzungstest",
    )


def session_ends():
    from django.contrib.sessions.models import Session

    return Session.objects.get().expire_date


def test_stay_signed_in_keeps_the_session_and_the_answers(browser_page, form_page, settings):
    settings.SESSION_COOKIE_AGE = 60  # idle time of a minute, warned 57 s before: after 3 s
    settings.FORMS_SESSION_WARNING_SECONDS = 57
    page = browser_page.page
    browser_page.login("fatma")
    browser_page.visit(form_page.url)
    page.fill("[name='person-name']", "Amal Beispiel")
    before = session_ends()

    dialog = page.get_by_role("alertdialog", name="Ihre Sitzung läuft bald ab")
    expect(dialog).to_be_visible(timeout=15_000)
    expect(dialog).to_contain_text("abgemeldet")
    stay = dialog.get_by_role("button", name="Angemeldet bleiben")
    expect(stay).to_be_focused()
    assert serious_violations(page, "session warning") == []
    browser_page.screenshot_to("session-warning-idle")

    stay.click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-session-status]")).to_contain_text("Sie bleiben angemeldet bis")
    assert session_ends() > before  # the server's idle time restarted
    expect(page.locator("[name='person-name']")).to_have_value("Amal Beispiel")
    page.click("button:has-text('Weiter')")  # the session still holds the wizard
    expect(page.locator(".wizard__progress")).to_contain_text("Schritt 2 von 2")
    page.click("button:has-text('Zurück')")
    expect(page.locator("[name='person-name']")).to_have_value("Amal Beispiel")
    assert [e for e in browser_page.console_errors if "Content Security Policy" in e] == []


def test_at_the_absolute_end_the_page_is_saved_as_a_draft(browser_page, form_page, settings):
    from forms_app.models import FormDraft

    settings.SESSION_ABSOLUTE_LIFETIME_SECONDS = 40  # after login; saved 12 s before the end
    settings.FORMS_SESSION_WARNING_SECONDS = 36
    page = browser_page.page
    browser_page.login("fatma")
    browser_page.visit(form_page.url)
    page.fill("[name='person-name']", "Amal Beispiel")

    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=20_000)
    expect(dialog).to_contain_text("nicht verlängert werden")
    expect(dialog.get_by_role("button", name="Angemeldet bleiben")).to_be_hidden()
    expect(dialog.get_by_role("button", name="Entwurf jetzt speichern")).to_be_focused()
    assert serious_violations(page, "session warning at the absolute end") == []
    browser_page.screenshot_to("session-warning-absolute")

    page.wait_for_url(re.compile(r"/drafts/$"), timeout=40_000)  # saved without a click
    expect(page.locator("main")).to_contain_text("Automatisch gespeichert")
    draft = FormDraft.objects.get()
    assert draft.data["wizard"]["step_data"]["person"]["person-name"] == ["Amal Beispiel"]
