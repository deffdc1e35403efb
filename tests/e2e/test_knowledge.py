"""In chromium: a visitor from another city finds the Wuppertal practice and reads it in German."""

import io

from django.core.management import call_command

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_content(db):
    call_command("load_demo", force=True, stdout=io.StringIO())


def csp_violations(browser_page) -> list[str]:
    return [error for error in browser_page.console_errors if "Content Security Policy" in error]


def test_visitor_filters_by_work_opens_wuppertal_and_switches_to_german(browser_page, demo_content):
    from knowledge.models import KnowledgeIndexPage
    from tests.knowledge.factories import GoodPracticeFactory

    english_index = KnowledgeIndexPage.objects.get(locale__language_code="en")
    GoodPracticeFactory(parent=english_index, title="Language cafés in Glasgow", themes=["learn"])
    page = browser_page.page
    browser_page.visit("/en/knowledge/")
    assert page.get_by_text("Language cafés in Glasgow").is_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    browser_page.screenshot_to("knowledge-index-en")

    page.get_by_label("Theme").select_option(label="Work")
    page.get_by_role("button", name="Show entries").click()
    page.wait_for_url("**/en/knowledge/?*theme=work*")
    cards = page.locator(".entry-card__title")
    assert cards.count() == 4  # the model, Wuppertal, London and the webinar are all about work
    assert page.get_by_text("Language cafés in Glasgow").count() == 0
    browser_page.screenshot_to("knowledge-index-en-work")

    page.get_by_role("link", name="Wuppertal: getting refugees into work through a network").click()
    page.wait_for_url(browser_page.base_url + "/en/knowledge/wuppertal-netzwerk-partizipation/")
    assert page.locator("h1").inner_text() == (
        "Wuppertal: getting refugees into work through a network"
    )
    assert page.get_by_role("button", name="Print this page").is_visible()  # JS from a file
    browser_page.screenshot_to("knowledge-good-practice-en")

    page.get_by_role("link", name="Deutsch").click()
    page.wait_for_url(browser_page.base_url + "/wissen/wuppertal-netzwerk-partizipation/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == "Wuppertal: Geflüchtete im Netzwerk in Arbeit bringen"
    browser_page.screenshot_to("knowledge-good-practice-de")
    assert csp_violations(browser_page) == []


def test_print_layout_drops_navigation_and_filters(browser_page, demo_content):
    page = browser_page.page
    browser_page.visit("/wissen/netzwerk-partizipation/")
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".language-switcher").is_visible()
    assert not page.locator(".print-button").is_visible()
    assert page.locator("ol.steps li").count() == 5
    assert page.locator(".chart").first.is_visible()  # the results, as chart blocks
    browser_page.screenshot_to("knowledge-model-documentation-print")
    page.emulate_media(media="screen")
    browser_page.screenshot_to("knowledge-model-documentation")
    browser_page.visit("/wissen/")
    page.emulate_media(media="print")
    assert not page.locator(".knowledge-filters").is_visible()
    assert csp_violations(browser_page) == []


def test_filters_work_without_javascript(open_page, demo_content):
    page = open_page(java_script_enabled=False, locale="en-GB")
    page.visit("/en/knowledge/")
    page.select_option("#id_city", "London")
    page.click("button[type=submit]")
    page.wait_for_url("**city=London*")
    titles = page.locator(".entry-card__title").all_inner_texts()
    assert titles == ["London: the Employability Forum"]
