"""In chromium: on a phone the partner directory's filters fold away behind a summary (open once
filters are applied), and at 1280 px they stand beside the results, always shown, with no
summary to press. CSS only (the page's strict CSP allows no inline script or style)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def directory(home_pages):
    from partners.demo import load_directory_pages

    load_directory_pages()


def test_the_filters_fold_on_a_phone(open_page, directory):
    browser_page = open_page(locale="en-GB", viewport=PHONE)
    page = browser_page.page
    browser_page.visit("/en/partner/")
    summary = page.locator(".directory-filters summary")
    expect(summary).to_have_text("Filter partners")
    expect(page.locator("#id_service")).to_be_hidden()
    assert summary.bounding_box()["height"] >= 44  # a touch target
    browser_page.screenshot_to("directory-filters-folded-390")

    summary.click()
    expect(page.locator("#id_service")).to_be_visible()
    assert serious_violations(page) == []
    browser_page.screenshot_to("directory-filters-open-390")

    browser_page.visit("/en/partner/?q=zzzz")  # filtered: the filters stay in view
    expect(page.locator("#id_q")).to_have_value("zzzz")
    expect(page.locator("#id_q")).to_be_visible()
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert browser_page.console_errors == []


def test_the_filters_stand_beside_the_results_on_a_wide_screen(open_page, directory):
    browser_page = open_page(locale="en-GB")
    page = browser_page.page
    browser_page.visit("/en/partner/")
    expect(page.locator("#id_service")).to_be_visible()
    expect(page.locator(".directory-filters summary")).to_be_hidden()
    filters = page.locator(".directory-filters").bounding_box()
    results = page.locator(".listing-layout__results").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]  # beside, not above
    assert serious_violations(page) == []
    browser_page.screenshot_to("directory-filters-1280")
    assert browser_page.console_errors == []
