"""In chromium: what a newcomer from another city meets at /en/. The home page leads by clicks to
the partner directory, the model documentation, good practice, the contact form (and the
results once the dashboards app has its page type); the footer's Impressum and Datenschutz
exist in both languages; a staff-only page sends to the site's own login with a way back.
Screenshots at 1280 and 390 pixels."""

import io

from django.apps import apps
from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def has_dashboard_page_type() -> bool:
    try:
        apps.get_model("dashboards", "DashboardPage")
    except LookupError:
        return False
    return True


@pytest.fixture
def demo_content(db):
    call_command("load_demo", force=True, cases=0, stdout=io.StringIO())


@pytest.fixture
def staff_only_page(demo_content):
    from wagtail.models import PageViewRestriction

    from website.models import ContentPage, HomePage

    home = HomePage.objects.get(locale__language_code="en", depth=2)
    page = home.add_child(instance=ContentPage(title="Team notes", slug="team-notes"))
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def go_home(page) -> None:
    page.locator(".site-brand").click()
    expect(page.locator(".hero h1")).to_be_visible()


def open_card(page, name: str) -> None:
    page.locator(".entry-points").get_by_role("link", name=name).click()


def test_home_leads_to_every_section_by_clicks(browser_page, demo_content):
    page = browser_page.page
    browser_page.visit("/en/")
    expect(page.locator(".hero__mission")).to_contain_text("getting refugees into work")
    expect(page.locator(".figure-card__value").first).to_have_text("1,042")
    assert serious_violations(page) == []

    open_card(page, "Partner directory")
    expect(page.locator("h1")).to_have_text("Partner directory")
    expect(page.locator(".main-nav a[aria-current]")).to_have_text("Partner directory")
    go_home(page)

    open_card(page, "The model")
    expect(page.locator("h1")).to_have_text("The Netzwerk Partizipation model")
    expect(page.locator(".breadcrumbs")).to_contain_text("Knowledge")
    go_home(page)

    open_card(page, "Good practice")
    expect(page.locator("h1")).to_have_text("Knowledge: the model and good practice")
    page.get_by_role("link", name="Wuppertal: getting refugees into work through a network").click()
    expect(page.locator("h1")).to_have_text(
        "Wuppertal: getting refugees into work through a network"
    )
    go_home(page)

    if has_dashboard_page_type():
        open_card(page, "Results")
        expect(page.locator("h1")).to_be_visible()
        assert page.url != browser_page.base_url + "/en/"
        go_home(page)

    open_card(page, "Contact")
    expect(page.locator("form").first).to_be_visible()
    assert "/en/" in page.url and page.url != browser_page.base_url + "/en/"
    assert browser_page.console_errors == []


def test_footer_has_impressum_and_datenschutz_in_both_languages(browser_page, demo_content):
    page = browser_page.page
    browser_page.visit("/en/")
    footer = page.locator(".site-footer")
    footer.get_by_role("link", name="Legal notice (Impressum)").click()
    expect(page.locator("h1")).to_have_text("Legal notice (Impressum)")
    assert serious_violations(page) == []
    browser_page.screenshot_to("public-impressum-en")
    page.locator(".language-switcher a[lang=de]").click()
    expect(page.locator("h1")).to_have_text("Impressum")
    footer.get_by_role("link", name="Datenschutz").click()
    expect(page.locator("h1")).to_have_text("Datenschutz")
    page.locator(".language-switcher a[lang=en]").click()
    expect(page.locator("h1")).to_have_text("Privacy (Datenschutz)")
    expect(footer.get_by_role("link", name="Contact")).to_be_visible()


def test_staff_only_page_sends_to_the_sites_login_with_a_way_back(browser_page, staff_only_page):
    page = browser_page.page
    browser_page.visit("/en/")
    browser_page.visit("/en/team-notes/")
    expect(page.locator("h1")).to_have_text("Log in to see this page")
    assert "/en/_util/login/?next=/en/team-notes/" in page.url
    expect(page.locator(".site-header")).to_be_visible()
    expect(page.get_by_label("Username")).to_be_visible()
    assert serious_violations(page) == []
    browser_page.screenshot_to("public-login-en")
    page.get_by_role("link", name="Back to the home page").click()
    expect(page.locator(".hero h1")).to_be_visible()


@pytest.mark.parametrize("width", ["1280", "390"])
def test_screenshots_of_the_public_face(open_page, demo_content, width):
    options = {"viewport": PHONE} if width == "390" else {}
    browser_page = open_page(locale="en-GB", **options)
    page = browser_page.page
    for name, path in [
        ("home", "/en/"),
        ("directory", "/en/partner/"),
        ("good-practice", "/en/knowledge/wuppertal-netzwerk-partizipation/"),
        ("model-documentation", "/en/knowledge/netzwerk-partizipation/"),
    ]:
        browser_page.visit(path)
        expect(page.locator("h1")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow, f"{name} scrolls sideways at {width}px"
        browser_page.screenshot_to(f"public-{name}-{width}")
