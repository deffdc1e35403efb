"""In chromium: the Arabic partner directory is right-to-left, accessible, and the switcher
moves between German, English and Arabic on the same page."""

import pytest

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_directory(home_pages):
    from io import StringIO
    from types import SimpleNamespace

    from partners import demo
    from website.demo import load_arabic_home

    load_arabic_home()
    demo.load(SimpleNamespace(stdout=StringIO()))


def switcher_languages(page) -> list[str]:
    return page.locator(".language-switcher [lang]").evaluate_all(
        "nodes => nodes.map(node => node.getAttribute('lang'))"
    )


def test_arabic_directory_is_right_to_left_and_the_switcher_keeps_the_page(
    browser_page, demo_directory
):
    page = browser_page.page
    browser_page.visit("/ar/partner/")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert "دليل الشركاء" in page.locator("h1").inner_text()
    card = page.locator(".partner-card").first.bounding_box()
    results = page.locator(".listing-layout__results").bounding_box()
    filters = page.locator(".directory-filters").bounding_box()
    # mirrored: the filters sit right of the results, and the first card at the results' right
    # edge (its start edge)
    assert filters["x"] > results["x"] + results["width"] - 1
    assert card["x"] > results["x"] + results["width"] / 2 - card["width"] / 2
    assert card["x"] + card["width"] > results["x"] + results["width"] * 0.9
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    browser_page.screenshot_to("languages-directory-ar")
    assert serious_violations(page) == []
    assert switcher_languages(page) == ["de", "en", "ar"]

    page.locator(".language-switcher a[lang=de]").click()
    page.wait_for_url("**/partner/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == "Partnerverzeichnis"
    page.locator(".language-switcher a[lang=en]").click()
    page.wait_for_url("**/en/partner/")
    assert page.locator("h1").inner_text() == "Partner directory"
    page.locator(".language-switcher a[lang=ar]").click()
    page.wait_for_url("**/ar/partner/")

    page.locator(".partner-card__name a").first.click()
    page.wait_for_load_state()
    assert (
        "/ar/partner/" in page.url and page.url.rstrip("/") != browser_page.base_url + "/ar/partner"
    )
    browser_page.screenshot_to("languages-partner-ar")
    assert serious_violations(page) == []
    detail_path = page.url.removeprefix(browser_page.base_url + "/ar")
    page.locator(".language-switcher a[lang=en]").click()
    page.wait_for_url(f"**/en{detail_path}")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert browser_page.console_errors == []
