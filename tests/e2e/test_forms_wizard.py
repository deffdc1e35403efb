"""In chromium: an administrator builds a 3-step form with a condition in the page editor and a
case manager fills it; the demo intake wizard filled end to end."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TOP_LEVEL_ADD = ".c-sf-add-button:not(.c-sf-container .c-sf-container .c-sf-add-button)"


def csp_violations(browser_page) -> list[str]:
    return [e for e in browser_page.console_errors if "Content Security Policy" in e]


def add_step(page, index: int, key: str, title: str) -> None:
    page.locator(TOP_LEVEL_ADD).last.click()
    page.fill(f"[name='steps-{index}-value-key']", key)
    page.fill(f"[name='steps-{index}-value-title']", title)


def add_field(page, step: int, index: int, type_label: str, key: str, label: str) -> str:
    container = page.locator(f"[name='steps-{step}-value-fields-count']").locator("xpath=..")
    container.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=type_label, exact=True).click()
    prefix = f"steps-{step}-value-fields-{index}-value"
    page.fill(f"[name='{prefix}-key']", key)
    page.fill(f"[name='{prefix}-label']", label)
    return prefix


def switch_user(browser_page, username: str) -> None:
    browser_page.page.context.clear_cookies()
    browser_page.login(username)


def test_administrator_builds_a_form_and_a_case_manager_fills_it(
    browser_page, make_user, home_pages
):
    from forms_app.models import FormSubmission, WizardFormPage
    from website.models import HomePage

    make_user("Programme administrators", username="paula")
    make_user("Case managers", username="fatma")
    home = HomePage.objects.get(locale__language_code="de")
    page = browser_page.page

    browser_page.login("paula")
    browser_page.visit(f"/admin/pages/add/forms_app/wizardformpage/{home.pk}/")
    page.fill("#id_title", "Familienfragebogen")
    page.press("#id_title", "Tab")  # the slug follows the title once it loses focus
    expect(page.locator("#id_slug")).not_to_have_value("")
    add_step(page, 0, "person", "Zur Person")
    name = add_field(page, 0, 0, "Kurzer Text", "name", "Name")
    page.check(f"[name='{name}-required']")
    add_step(page, 1, "family", "Familie")
    add_field(page, 1, 0, "Ja/Nein", "has_children", "Haben Sie Kinder?")
    count = add_field(page, 1, 1, "Zahl", "children_count", "Wie viele Kinder?")
    page.check(f"[name='{count}-required']")
    condition = page.locator(f"[name='{count}-condition-field']")
    page.click(f"button[aria-controls='block_group-{count}-condition-content']")  # expand it
    # the editor offers the earlier fields and their answers as lists (forms_app builder.js)
    page.select_option(f"#{condition.get_attribute('id')}-picker", label="Haben Sie Kinder?")
    page.select_option(f"[name='{count}-condition-operator']", "equals")
    values = page.locator(f"[name='{count}-condition-values']")
    page.select_option(f"#{values.get_attribute('id')}-picker", label="Ja")
    add_step(page, 2, "notes", "Anmerkungen")
    add_field(page, 2, 0, "Langer Text", "remarks", "Anmerkungen")
    browser_page.screenshot_to("forms-editor")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.click("button[name='action-publish']")
    # Wait for the redirect to the parent's listing: the live server shares the test's database
    # connection, so reading before it has answered races it.
    page.wait_for_url(re.compile(rf"/admin/pages/{home.pk}/$"))
    page.wait_for_load_state("networkidle")
    form_page = WizardFormPage.objects.get(title="Familienfragebogen")
    assert form_page.live
    assert [s.key for s in form_page.form_specs()] == ["person", "family", "notes"]

    switch_user(browser_page, "fatma")
    browser_page.visit(form_page.url)
    assert "Schritt 1 von 3" in page.inner_text(".wizard__progress")
    page.click("button:has-text('Weiter')")
    assert "Dieses Feld muss ausgefüllt werden." in page.inner_text(".wizard")
    page.fill("[name='person-name']", "Amal Beispiel")
    page.click("button:has-text('Weiter')")
    count_field = page.locator("[data-key='children_count']")
    assert count_field.is_hidden()
    page.check("#id_family-has_children_0")  # yes
    assert count_field.is_visible()
    page.check("#id_family-has_children_1")  # no
    assert count_field.is_hidden()
    page.check("#id_family-has_children_0")
    page.fill("[name='family-children_count']", "2")
    browser_page.screenshot_to("forms-step-condition")
    page.click("button:has-text('Weiter')")
    assert "Schritt 3 von 3" in page.inner_text(".wizard__progress")
    page.fill("[name='notes-remarks']", "<b>kein HTML</b>")
    page.click("button:has-text('Zurück')")
    assert page.is_checked("#id_family-has_children_0")
    assert page.input_value("[name='family-children_count']") == "2"
    page.click("button:has-text('Weiter')")
    assert page.input_value("[name='notes-remarks']") == "<b>kein HTML</b>"
    page.click("button:has-text('Überprüfen')")
    review = page.inner_text(".wizard")
    assert "Amal Beispiel" in review and "Ja" in review and "<b>kein HTML</b>" in review
    browser_page.screenshot_to("forms-review")
    page.click("button:has-text('Absenden')")
    page.wait_for_url("**/done/")
    submission = FormSubmission.objects.get()
    assert submission.answers == {
        "name": "Amal Beispiel",
        "has_children": True,
        "children_count": 2,
        "remarks": "<b>kein HTML</b>",
    }
    assert submission.submitted_by.username == "fatma"
    assert csp_violations(browser_page) == []

    switch_user(browser_page, "paula")
    browser_page.visit(f"/admin/forms-app/{form_page.pk}/")
    assert "Amal Beispiel" in page.inner_text("main")
    browser_page.screenshot_to("forms-admin-submissions")


def test_demo_intake_wizard_end_to_end(browser_page, make_user, home_pages):
    from casework.models import Case
    from forms_app.models import FormSubmission, WizardFormPage
    from partners.models import PartnerOrganisation
    from website import demo_forms

    PartnerOrganisation.objects.create(name="Gesa gGmbH", slug="gesa", live=True)
    demo_forms.load_forms()
    intake = WizardFormPage.objects.get(slug="erstgespraech")
    make_user("Case managers", username="fatma")
    page = browser_page.page

    browser_page.visit(intake.url)
    assert "/login/" in page.url  # staff only
    browser_page.login("fatma")
    browser_page.visit(intake.url)
    assert "Schritt 1 von 5" in page.inner_text(".wizard__progress")  # health step still open
    page.fill("[name='background-participant_code']", "WUP-2026-0042")
    page.fill("[name='background-first_name']", "Amal")
    page.fill("[name='background-last_name']", "Beispiel")
    page.check("input[name='background-gender'][value='female']")
    page.check("input[name='background-city'][value='wuppertal']")
    page.fill("[name='background-arrival_date']", "2019-03-01")
    page.check("input[name='background-residence_status'][value='tolerated']")
    page.select_option("[name='background-german_level']", "a2")
    page.check("input[name='background-languages'][value='arabic']")
    page.fill("[name='background-school_years']", "9")
    training = page.locator("[data-key='vocational_training']")
    assert training.is_hidden()
    page.check("input[name='background-has_vocational_training'][value='yes']")
    assert training.is_visible()
    page.fill("[name='background-vocational_training']", "Schneiderin")
    page.check("input[name='background-health_restrictions'][value='yes']")
    page.check("[name='background-consent']")
    page.click("button:has-text('Weiter')")

    assert "Schritt 2 von 5" in page.inner_text(".wizard__progress")
    other = page.locator("[data-key='restriction_other']")
    assert other.is_hidden()
    page.check("input[name='health-restriction_kind'][value='other']")
    assert other.is_visible()
    page.fill("[name='health-restriction_other']", "Rückenleiden")
    page.check("input[name='health-employability'][value='limited']")
    page.click("button:has-text('Weiter')")

    page.fill("[name='plan-goal']", "Ausbildung im Handwerk")
    page.fill("[name='plan-plan_steps-0-task']", "Bewerbungsmappe erstellen")
    page.fill("[name='plan-plan_steps-0-responsible']", "Jobcoaching")
    page.fill("[name='plan-plan_steps-0-due']", "2027-01-15")
    page.click("button[name='wizard_add_row']")
    page.fill("[name='plan-plan_steps-1-task']", "Online-Jobsuche lernen")
    page.click("button:has-text('Weiter')")

    assert page.locator("[data-key='partner']").is_hidden()
    page.check("input[name='transfer-transfer_needed'][value='yes']")
    page.select_option("[name='transfer-partner']", "gesa")
    page.fill("[name='transfer-transfer_start']", "2027-02-01")
    page.fill("[name='transfer-transfer_tasks-0-task']", "Vorstellungsgespräch üben")
    page.select_option("[name='transfer-exchange_interval']", "monthly")
    page.click("button:has-text('Weiter')")

    page.check("input[name='training-training_needs'][value='application']")
    page.click("button:has-text('Überprüfen')")
    review = page.inner_text(".wizard")
    for text in [
        "WUP-2026-0042",
        "Duldung",
        "Rückenleiden",
        "Bewerbungsmappe erstellen",
        "Gesa gGmbH",
        "Bewerbungstraining",
    ]:
        assert text in review
    browser_page.screenshot_to("forms-intake-review")
    page.click("button:has-text('Absenden')")
    page.wait_for_url("**/admin/cases/*/")  # the intake opened the case: its page
    case = Case.objects.get()
    assert case.full_name == "Amal Beispiel" and case.residence_status == "tolerated"
    assert case.intakes.get().submission.page_id == intake.pk
    answers = FormSubmission.objects.get(page=intake).answers
    assert answers["partner"] == "gesa"
    assert answers["plan_steps"] == [
        {"task": "Bewerbungsmappe erstellen", "responsible": "Jobcoaching", "due": "2027-01-15"},
        {"task": "Online-Jobsuche lernen", "responsible": "", "due": None},
    ]
    assert answers["restriction_kind"] == ["other"]
    assert csp_violations(browser_page) == []


def test_editor_explains_a_duplicate_key(browser_page, make_user, home_pages):
    from forms_app.models import WizardFormPage
    from tests.forms_app.factories import field, make_form_page, step
    from website.models import HomePage

    make_user("Programme administrators", username="paula")
    home = HomePage.objects.get(locale__language_code="de")
    form_page = make_form_page(
        home, step("a", field("short_text", "name"), field("short_text", "city")), slug="dup"
    )
    page = browser_page.page
    browser_page.login("paula")
    browser_page.visit(f"/admin/pages/{form_page.pk}/edit/")
    page.fill("[name='steps-0-value-fields-1-value-key']", "name")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.click("button[name='action-publish']")
    page.wait_for_load_state("networkidle")
    assert "Der Feldschlüssel „name“ wird mehrfach verwendet" in page.inner_text("body")
    browser_page.screenshot_to("forms-editor-duplicate-key")
    keys = [item.key for item in WizardFormPage.objects.get(pk=form_page.pk).form_specs()[0].items]
    assert keys == ["name", "city"]


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def staff_form_with_upload(home):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from tests.forms_app.factories import field, make_form_page, step, when

    page = make_form_page(
        home,
        step(
            "person",
            field("short_text", "first_name", "Vorname", required=True),
            field("short_text", "last_name", "Nachname"),
            field("email", "email", "E-Mail", required=True),
            field("yes_no", "has_documents", "Liegen Unterlagen vor?", required=True),
            title="Zur Person",
        ),
        step(
            "documents",
            field("file", "cv", "Lebenslauf", required=True, extensions="pdf", max_size_mb=1),
            field("short_text", "note", "Anmerkung zur Datei"),
            condition=when("has_documents", "equals", "yes"),
            title="Unterlagen",
        ),
        step(
            "plan",
            field("long_text", "goal", "Ziel", required=True),
            field(
                "consent",
                "consent",
                "Einwilligung",
                required=True,
                text="Die Person willigt ein, dass ihre Angaben an Netzwerkpartner gehen.",
            ),
            title="Förderplan",
        ),
        title="Aufnahme mit Unterlagen",
        slug="aufnahme-unterlagen",
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Case managers"))
    return page


def test_case_manager_fills_resumes_a_draft_with_an_upload_and_meets_no_early_error(
    browser_page, make_user, home_pages
):
    from forms_app.models import FormDraft, FormSubmission, SubmissionFile
    from website.models import HomePage

    form_page = staff_form_with_upload(HomePage.objects.get(locale__language_code="de"))
    make_user("Case managers", username="fatma")
    page = browser_page.page
    progress = page.locator(".wizard__progress p")
    summary = page.locator("#wizard-error-summary")
    violations = []

    def click_and_wait(selector: str) -> None:
        with page.expect_navigation():
            page.click(selector)

    browser_page.login("fatma")
    browser_page.visit(form_page.url)
    expect(progress).to_have_text("Schritt 1 von 3")  # the documents step is still open
    page.check("input[name='person-has_documents'][value='no']")
    expect(progress).to_have_text("Schritt 1 von 2")  # recounted as the answer is given
    page.check("input[name='person-has_documents'][value='yes']")
    expect(progress).to_have_text("Schritt 1 von 3")
    assert page.get_attribute("[name='person-first_name']", "autocomplete") == "given-name"
    assert page.get_attribute("[name='person-last_name']", "autocomplete") == "family-name"
    assert page.get_attribute("[name='person-email']", "aria-required") == "true"
    violations += serious_violations(page, "step 1")

    # sent incomplete: the summary at the top takes focus and leads to the field
    click_and_wait("button:has-text('Weiter')")
    expect(summary).to_be_focused()
    assert "Vorname" in summary.inner_text() and "E-Mail" in summary.inner_text()
    browser_page.screenshot_to("forms-filling-error-summary")
    violations += serious_violations(page, "step 1 with errors")
    summary.locator("a", has_text="Vorname").click()
    expect(page.locator("[name='person-first_name']")).to_be_focused()
    page.fill("[name='person-first_name']", "Amal")
    page.fill("[name='person-last_name']", "Beispiel")
    page.fill("[name='person-email']", "amal@example.invalid")
    click_and_wait("button:has-text('Weiter')")

    expect(progress).to_have_text("Schritt 2 von 3")
    assert page.locator(".wf-errors").count() == 0
    page.set_input_files(
        "[name='documents-cv']",
        files=[{"name": "lebenslauf.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.fill("#draft-label", "A. B. Aufnahme")
    page.click("button[name='wizard_save_draft']")
    page.wait_for_url("**/drafts/")
    draft = FormDraft.objects.get()
    assert len(draft.uploads()) == 1

    browser_page.visit("/")  # leaves, and comes back later
    browser_page.visit(form_page.url + "drafts/")
    click_and_wait(f"form[action$='/drafts/{draft.pk}/'] button")
    expect(progress).to_have_text("Schritt 2 von 3")
    kept = page.locator("[data-kept-file]")
    expect(kept).to_contain_text("Gespeicherte Datei: lebenslauf.pdf")
    expect(kept.locator("button", has_text="„lebenslauf.pdf“ entfernen")).to_be_visible()
    expect(page.locator(".wf-file--enhanced")).to_have_count(1)  # no "No file chosen"
    assert page.locator(".wf-errors").count() == 0
    browser_page.screenshot_to("forms-filling-kept-upload")
    violations += serious_violations(page, "step 2 with a kept file")
    click_and_wait("button:has-text('Weiter')")  # the kept file answers the required field

    expect(progress).to_have_text("Schritt 3 von 3")
    click_and_wait("button:has-text('Zurück')")
    expect(kept).to_contain_text("lebenslauf.pdf")
    click_and_wait("button:has-text('„lebenslauf.pdf“ entfernen')")
    expect(page.locator(".messages")).to_contain_text("Die Datei „lebenslauf.pdf“ wurde entfernt.")
    expect(kept).to_have_count(0)
    assert page.locator(".wf-errors").count() == 0  # removing is not sending the step
    page.set_input_files(
        "[name='documents-cv']",
        files=[{"name": "zeugnis.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    click_and_wait("button:has-text('Weiter')")
    click_and_wait("button:has-text('Zurück')")
    expect(kept).to_contain_text("Gespeicherte Datei: zeugnis.pdf")
    click_and_wait("button:has-text('Weiter')")
    expect(progress).to_have_text("Schritt 3 von 3")
    # the consent step was never sent: nothing is marked wrong yet
    assert summary.count() == 0 and page.locator(".wf-errors").count() == 0
    consent = page.locator("[name='plan-consent']")
    described = consent.get_attribute("aria-describedby")
    assert "Netzwerkpartner" in page.inner_text(f"#{described}")
    browser_page.screenshot_to("forms-filling-consent-step")
    violations += serious_violations(page, "step 3")

    consent.check()
    click_and_wait("button:has-text('Überprüfen')")
    expect(summary).to_be_focused()
    assert "Ziel" in summary.inner_text()
    browser_page.screenshot_to("forms-filling-consent-step-errors")
    violations += serious_violations(page, "step 3 with errors")
    page.fill("[name='plan-goal']", "Ausbildung im Handwerk")
    click_and_wait("button:has-text('Überprüfen')")
    assert "zeugnis.pdf" in page.inner_text(".wizard")
    violations += serious_violations(page, "review")
    click_and_wait("button:has-text('Absenden')")
    page.wait_for_url("**/done/")
    submission = FormSubmission.objects.get()
    assert submission.answers["first_name"] == "Amal"
    assert submission.answers["cv"]["name"] == "zeugnis.pdf"
    assert SubmissionFile.objects.get().file.read() == PDF
    assert not FormDraft.objects.exists()
    assert csp_violations(browser_page) == []
    assert violations == []
