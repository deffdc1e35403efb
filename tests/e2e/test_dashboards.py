"""In chromium: the public Results page draws its Plotly charts under the site's Content Security
Policy (no inline scripts or styles), shows the Wuppertal figures and passes axe; an
administrator adds a chart block in the editor, previews it and publishes it; a case manager
opens the staff dashboard from the admin home and sees the exact numbers of their cases."""

import io

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_content(db):
    call_command("load_demo", force=True, cases=60, stdout=io.StringIO())


def csp_violations(browser_page) -> list[str]:
    return [error for error in browser_page.console_errors if "Content Security Policy" in error]


def drawn_charts(page):
    islands = page.locator("script[type='application/json'][id^='chart-']")
    plots = page.locator(".chart__plot")
    expect(plots.first.locator("svg.main-svg").first).to_be_visible()
    expect(page.locator(".chart__plot--drawn")).to_have_count(islands.count())
    return plots


def test_results_page_draws_its_charts_without_inline_styles(open_page, demo_content):
    browser_page = open_page(locale="en-GB")
    page = browser_page.page
    response = browser_page.visit("/en/results/")
    policy = response.headers["content-security-policy"]
    assert "style-src 'self'" in [part.strip() for part in policy.split(";")]
    plots = drawn_charts(page)
    assert plots.count() >= 5
    kpis = page.locator(".chart__kpi-value").all_inner_texts()
    assert "1,042" in kpis and "498" in kpis and "47.8%" in kpis
    gender = page.get_by_role("img", name="Bar chart: Participants by gender.", exact=False)
    expect(gender).to_have_count(1)
    summary = page.locator("#" + gender.get_attribute("aria-labelledby")).text_content()
    assert "448" in summary and "594" in summary
    assert csp_violations(browser_page) == []
    assert serious_violations(page) == []
    browser_page.screenshot_to("dashboards-results-en-1280")

    page.locator(".chart__details summary").first.click()
    expect(page.locator(".chart__table").first).to_be_visible()


def test_results_page_fits_a_phone(open_page, demo_content):
    browser_page = open_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = browser_page.page
    browser_page.visit("/ergebnisse/")
    plots = drawn_charts(page)
    kpis = page.locator(".chart__kpi-value").all_inner_texts()
    assert "1.042" in kpis and "498" in kpis
    widths = plots.evaluate_all("nodes => nodes.map(node => node.getBoundingClientRect().width)")
    assert all(0 < width <= 390 for width in widths), widths
    svg_width = plots.first.locator("svg.main-svg").first.evaluate("node => node.clientWidth")
    assert svg_width <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert csp_violations(browser_page) == []
    browser_page.screenshot_to("dashboards-results-de-390")


def test_administrator_adds_a_chart_previews_and_publishes(open_page, demo_content, make_user):
    from dashboards.models import DashboardPage

    make_user("Programme administrators", username="paula")
    results = DashboardPage.objects.get(slug="ergebnisse")
    browser_page = open_page()
    page = browser_page.page
    browser_page.login("paula")
    browser_page.visit(f"/admin/pages/{results.pk}/edit/")

    index = int(page.locator("[name='body-count']").input_value())
    page.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name="Diagramm", exact=True).click()
    prefix = f"body-{index}-value"
    page.fill(f"[name='{prefix}-title']", "Vermittlungen nach Geschlecht")
    page.select_option(f"[name='{prefix}-measure']", "placements")
    page.select_option(f"[name='{prefix}-breakdown']", "gender")
    page.select_option(f"[name='{prefix}-chart_type']", "donut")
    browser_page.screenshot_to("dashboards-editor-chart-block")

    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    heading = preview.get_by_role("heading", name="Vermittlungen nach Geschlecht")
    expect(heading).to_be_visible(timeout=60_000)  # the preview refreshes after a pause
    chart = preview.locator(".chart", has=heading)
    expect(chart.locator("svg.main-svg").first).to_be_visible(timeout=60_000)
    chart.scroll_into_view_if_needed()
    browser_page.screenshot_to("dashboards-editor-preview")

    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.click("button[name='action-publish']")
    expect(page.locator(".messages")).to_contain_text("veröffentlicht")

    published = DashboardPage.objects.get(pk=results.pk)
    assert published.body[index].value["title"] == "Vermittlungen nach Geschlecht"
    browser_page.visit("/ergebnisse/")
    chart = page.locator(
        ".chart", has=page.get_by_role("heading", name="Vermittlungen nach Geschlecht")
    )
    expect(chart.locator("svg.main-svg").first).to_be_visible()
    assert csp_violations(browser_page) == []


def test_case_manager_opens_the_staff_dashboard_with_exact_numbers(open_page, demo_content):
    from django.contrib.auth import get_user_model

    from casework.models import Case
    from casework.models.cases import managed_city_of
    from tests.casework.factories import CaseFactory

    manager = get_user_model().objects.get(username="fallmanagement")
    cases = Case.objects.visible_to(manager)
    if not cases.filter(gender="diverse").exists():  # two more of the manager's city
        CaseFactory.create_batch(2, gender="diverse", city_id=managed_city_of(manager))
    genders = {"female": "weiblich", "male": "männlich", "diverse": "divers"}
    counts = {gender: cases.filter(gender=gender).count() for gender in genders}
    assert 0 < counts["diverse"] < 5  # a small number, hidden on public pages
    browser_page = open_page()
    page = browser_page.page
    browser_page.login("fallmanagement", "demo-fall-2026")
    panel = page.locator("#dashboards-staff-content")
    panel.get_by_role("link", name="Kennzahlen meiner Fälle").click()
    page.wait_for_url("**/kennzahlen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kennzahlen meiner Fälle")
    drawn_charts(page)
    chart = page.locator(".chart", has=page.get_by_role("heading", name="nach Geschlecht"))
    summary = chart.locator("p[id$='-summary']").text_content()
    for gender, label in genders.items():
        assert f"{label}: {counts[gender]}" in summary
    assert "<5" not in page.locator("main").inner_text()
    assert csp_violations(browser_page) == []
    assert serious_violations(page) == []
    browser_page.screenshot_to("dashboards-staff-de-1280")


def test_key_figures_of_the_model_documentation_share_a_row_on_wide_screens(
    open_page, demo_content
):
    from knowledge.models import ModelDocumentationPage

    documentation = ModelDocumentationPage.objects.get(locale__language_code="de")
    for width, in_one_row in ((1280, True), (390, False)):
        browser_page = open_page(viewport={"width": width, "height": 900})
        browser_page.visit(documentation.url)
        kpis = browser_page.page.locator("#results .chart--kpi")
        expect(kpis.first).to_be_visible()
        tops = kpis.evaluate_all("nodes => nodes.map(node => node.getBoundingClientRect().top)")
        assert len(tops) >= 3
        assert (len(set(tops)) == 1) is in_one_row, (width, tops)
        kpis.first.scroll_into_view_if_needed()
        browser_page.screenshot_to(f"dashboards-model-documentation-kpis-{width}")
