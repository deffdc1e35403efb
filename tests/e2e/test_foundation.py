"""In chromium: staff log in to the Wagtail admin, visitors switch language."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def csp_violations(page) -> list[str]:
    return [error for error in page.console_errors if "Content Security Policy" in error]


def test_programme_administrator_logs_in_to_the_admin(browser_page, make_user, home_pages):
    make_user("Programme administrators", username="paula")
    browser_page.login("paula")
    assert browser_page.page.locator("h1").first.is_visible()
    browser_page.visit("/admin/pages/")
    browser_page.page.wait_for_load_state("networkidle")
    browser_page.screenshot_to("admin-pages")
    assert csp_violations(browser_page) == []


def test_page_editor_works_under_the_content_security_policy(browser_page, make_user, home_pages):
    from website.models import HomePage

    make_user("Programme administrators", username="paula")  # the home page is theirs
    home = HomePage.objects.get(locale__language_code="de")
    browser_page.login("paula")
    browser_page.visit(f"/admin/pages/{home.pk}/edit/")
    browser_page.page.wait_for_load_state("networkidle")
    title = browser_page.page.locator("#id_title")
    title.fill("PartizipationPlus Netzwerk")
    browser_page.page.get_by_role("button", name="Speichern").first.click()
    browser_page.page.wait_for_load_state("networkidle")
    browser_page.screenshot_to("admin-page-editor")
    home.refresh_from_db()
    assert home.get_latest_revision_as_object().title == "PartizipationPlus Netzwerk"
    assert csp_violations(browser_page) == []


def test_visitor_switches_language_on_the_home_page(browser_page, home_pages):
    browser_page.visit("/")
    assert browser_page.page.locator("html").get_attribute("lang") == "de"
    browser_page.page.get_by_role("link", name="English").click()
    browser_page.page.wait_for_url(browser_page.base_url + "/en/")
    assert browser_page.page.locator("html").get_attribute("lang") == "en"
    assert browser_page.page.get_by_text("Skip to main content").count() == 1
    browser_page.screenshot_to("home-en")
    browser_page.page.get_by_role("link", name="Deutsch").click()
    browser_page.page.wait_for_url(browser_page.base_url + "/")
    assert browser_page.page.locator("html").get_attribute("lang") == "de"
    assert csp_violations(browser_page) == []


def test_skip_link_is_the_first_thing_keyboard_users_reach(browser_page, home_pages):
    browser_page.visit("/")
    browser_page.page.keyboard.press("Tab")
    focused = browser_page.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"


def test_home_page_reads_on_a_phone(open_page, home_pages):
    page = open_page(viewport={"width": 375, "height": 740})
    page.visit("/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    page.screenshot_to("home-phone")
