"""In chromium: a case manager runs the demo intake wizard for a new person and lands on the new
case, which shows the intake's answers; from there she starts the intake again to update it.
An administrator sees the action and its field mapping as selects in the page editor."""

import pytest

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def intake(home_pages):
    from forms_app.models import WizardFormPage
    from website import demo_forms

    demo_forms.load_forms()
    return WizardFormPage.objects.get(slug="erstgespraech")


def next_step(page, label: str = "Weiter") -> None:
    page.click(f"button:has-text('{label}')")


def fill_intake(page, first_name: str, last_name: str) -> None:
    page.fill("[name='background-first_name']", first_name)
    page.fill("[name='background-last_name']", last_name)
    page.fill("[name='background-date_of_birth']", "1994-07-12")
    page.check("input[name='background-gender'][value='female']")
    page.fill("[name='background-nationality']", "eritreisch")
    page.check("input[name='background-city'][value='solingen']")
    page.check("input[name='background-residence_status'][value='humanitarian']")
    page.check("input[name='background-languages'][value='arabic']")
    page.fill("[name='background-work_experience']", "Näherin in Asmara, acht Jahre")
    page.check("input[name='background-has_vocational_training'][value='no']")
    page.check("input[name='background-health_restrictions'][value='no']")
    page.check("[name='background-consent']")
    next_step(page)
    page.fill("[name='plan-goal']", "Arbeit in der Textilreinigung")
    page.fill("[name='plan-plan_steps-0-task']", "Bewerbungsmappe erstellen")
    next_step(page)
    page.check("input[name='transfer-transfer_needed'][value='no']")
    next_step(page)
    next_step(page, "Überprüfen")


def test_intake_opens_the_case_and_updates_it(browser_page, intake):
    from casework.models import Case, CaseIntake
    from tests.casework import factories

    factories.case_manager("wuppertal", username="fatma")
    page = browser_page.page
    browser_page.login("fatma")
    browser_page.visit(intake.url)
    fill_intake(page, "Selam", "Tesfay")
    page.click("button:has-text('Absenden')")
    page.wait_for_url("**/admin/cases/*/")

    case = Case.objects.get()
    assert (case.full_name, case.city.slug, case.residence_status) == (
        "Selam Tesfay",
        "solingen",
        "humanitarian",
    )
    assert case.nationality == "eritreisch" and case.number.startswith("SOL-")
    main = page.inner_text("main")
    assert f"Fall {case.number} wurde eröffnet." in page.inner_text("body")
    assert "Selam Tesfay" in main and "Näherin in Asmara, acht Jahre" in main
    assert "Arbeit in der Textilreinigung" in main  # the intake's own answers, on the case
    browser_page.screenshot_to("intake-opened-case")
    assert serious_violations(page) == []

    page.click("a:has-text('Fall mit „Erstgespräch')")
    page.wait_for_url(f"**{intake.url}?case={case.pk}")
    assert case.number in page.inner_text("body")  # told which case the intake updates
    fill_intake(page, "Selam", "Tesfay-Haile")
    page.click("button:has-text('Absenden')")
    page.wait_for_url(f"**/admin/cases/{case.pk}/")
    case.refresh_from_db()
    assert case.last_name == "Tesfay-Haile" and Case.objects.count() == 1
    assert CaseIntake.objects.filter(case=case).count() == 2


def test_the_editor_offers_the_action_and_the_mapping_as_selects(browser_page, intake, make_user):
    make_user(username="ada", is_superuser=True)
    page = browser_page.page
    browser_page.login("ada")
    browser_page.visit(f"/admin/pages/{intake.pk}/edit/")
    action = page.locator("select[name='submission_action']")
    assert action.input_value() == "casework.case"
    group = page.locator("[data-action-mapping-group='casework.case']")
    assert group.is_visible()
    city = page.locator("select[name='action_mapping__casework.case__city']")
    assert city.input_value() == "city"
    assert "Wohnort" in city.locator("option:checked").inner_text()
    group.scroll_into_view_if_needed()
    browser_page.screenshot_to("intake-editor-action-mapping")
    action.select_option("")
    assert group.is_hidden()
