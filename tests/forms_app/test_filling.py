"""Filling a wizard as a person sees it: no error before a submit, a step counter that does not
jump, and what assistive technology and the browser's autofill need."""

import re

import pytest

from tests.forms_app.factories import field, make_form_page, step, when
from tests.forms_app.helpers import post_step

pytestmark = pytest.mark.django_db

REQUIRED = "Dieses Feld muss ausgefüllt werden."


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def consent_form(home):
    return make_form_page(
        home,
        step("person", field("short_text", "name", "Name", required=True)),
        step(
            "consent",
            field("short_text", "city", "Ort", required=True),
            field("consent", "consent", "Einwilligung", required=True, text="Ich willige ein."),
        ),
        step("end", field("long_text", "notes", "Notizen")),
        title="Einwilligung",
        slug="einwilligung",
    )


def test_back_then_next_shows_no_error_on_a_step_not_yet_submitted(client, consent_form):
    page = consent_form
    client.get(page.url)
    response = post_step(client, page, "person", name="Amal")
    assert REQUIRED not in text(response)
    response = post_step(client, page, "consent", {"wizard_goto_step": "person"}, city="")
    assert REQUIRED not in text(response)
    response = post_step(client, page, "person", name="Amal")
    assert 'name="consent-consent"' in text(response)
    assert REQUIRED not in text(response)
    assert 'aria-invalid="true"' not in text(response)
    assert "wizard__error-summary" not in text(response)
    # sending the step itself shows its errors
    response = post_step(client, page, "consent", city="")
    assert text(response).count(REQUIRED) >= 2


def test_a_half_filled_step_kept_by_back_is_shown_without_errors(client, consent_form):
    page = consent_form
    client.get(page.url)
    post_step(client, page, "person", name="Amal")
    post_step(client, page, "consent", {"wizard_goto_step": "person"}, city="Wuppertal")
    response = post_step(client, page, "person", name="Amal")
    assert 'value="Wuppertal"' in text(response)
    assert REQUIRED not in text(response)


# -- the step counter ------------------------------------------------------------------------


@pytest.fixture
def skipping_form(home):
    """Four steps; "health" only for those with restrictions, asked on the first step."""
    return make_form_page(
        home,
        step(
            "background",
            field("short_text", "code", "Kennung", required=True),
            field("yes_no", "restricted", "Einschränkungen?", required=True),
        ),
        step(
            "health",
            field("long_text", "kind", "Art"),
            condition=when("restricted", "equals", "yes"),
        ),
        step("plan", field("long_text", "goal", "Ziel")),
        step("training", field("long_text", "needs", "Bedarf")),
        title="Überspringen",
        slug="ueberspringen",
    )


def counter(response) -> tuple[int, int]:
    found = re.search(r"Schritt (\d+) von (\d+)", text(response))
    assert found, "no step counter"
    return int(found[1]), int(found[2])


@pytest.mark.parametrize(
    ("restricted", "later_steps"),
    [("yes", [("health", "kind"), ("plan", "goal")]), ("no", [("plan", "goal")])],
)
def test_the_total_counts_an_undecided_step_and_never_grows(
    client, skipping_form, restricted, later_steps
):
    page = skipping_form
    counters = [counter(client.get(page.url))]
    counters.append(counter(post_step(client, page, "background", code="A", restricted=restricted)))
    for key, name in later_steps:
        counters.append(counter(post_step(client, page, key, **{name: "x"})))
    seen = len(counters)
    assert counters[0] == (1, 4)  # the health step is still open: it counts
    assert counters[1:] == [(number, seen) for number in range(2, seen + 1)]
    totals = [total for _number, total in counters]
    assert totals == sorted(totals, reverse=True)  # it may fall, never rise


def test_the_counter_follows_an_answer_given_on_the_step_shown(client, skipping_form):
    page = skipping_form
    client.get(page.url)
    # sent with an error, "no" already chosen: the health step no longer counts
    response = post_step(client, page, "background", code="", restricted="no")
    assert counter(response) == (1, 3)
    body = text(response)
    assert 'data-fixed-total="3"' in body  # the browser recounts from here
    assert 'data-step-condition data-condition-field="restricted"' in body
    assert 'data-label-template="Schritt 1 von {total}"' in body


def test_a_fresh_step_lets_the_browser_count_its_deciding_question(client, skipping_form):
    body = text(client.get(skipping_form.url))
    assert 'data-fixed-total="3"' in body
    assert 'data-step-condition data-condition-field="restricted"' in body


def test_going_back_counts_what_was_answered(client, skipping_form):
    page = skipping_form
    client.get(page.url)
    post_step(client, page, "background", code="A1", restricted="no")
    response = post_step(client, page, "plan", {"wizard_goto_step": "background"}, goal="")
    assert counter(response) == (1, 3)


def test_a_fresh_first_step_counts_every_step_without_a_decided_condition(client, three_step_form):
    # "health" depends on a question of step 2, not yet asked: it counts from the start
    assert counter(client.get(three_step_form.url)) == (1, 3)
    response = post_step(client, three_step_form, "person", name="Amal")
    assert counter(response) == (2, 3)
    response = post_step(client, three_step_form, "family", has_children="yes", children_count="1")
    assert counter(response) == (3, 3)


# -- what assistive technology and autofill need ----------------------------------------------


@pytest.fixture
def person_form(home):
    return make_form_page(
        home,
        step(
            "person",
            field("short_text", "first_name", "Vorname", required=True),
            field("short_text", "surname", "Familienname"),
            field("short_text", "org_name", "Name der Einrichtung"),
            field("email", "contact", "E-Mail", required=True),
            field("phone", "phone", "Telefon"),
            field("date", "born", "Geburtsdatum"),
            field("date", "arrival", "Eingereist am"),
            field("yes_no", "works", "Berufstätig?", required=True),
            field(
                "multiple_choice",
                "languages",
                "Sprachen",
                required=True,
                choices=[{"value": "ar", "label": "Arabisch"}, {"value": "fa", "label": "Farsi"}],
            ),
            field("consent", "consent", "Einwilligung", required=True, text="Ich willige ein."),
        ),
        step("end", field("long_text", "notes", "Notizen")),
        title="Person",
        slug="person",
    )


def tag(body: str, name: str) -> str:
    """The opening tag of the input named ``name``."""
    found = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', body)
    assert found, name
    return found[0]


def test_required_fields_say_so_and_optional_ones_do_not(client, person_form):
    body = text(client.get(person_form.url))
    first = tag(body, "person-first_name")
    assert " required" in first and 'aria-required="true"' in first
    assert "required" not in tag(body, "person-surname")
    consent = tag(body, "person-consent")
    assert " required" in consent and 'aria-required="true"' in consent
    # a radio group: each radio is required, the group says aria-required
    assert " required" in tag(body, "person-works")
    assert "aria-required" not in tag(body, "person-works")
    assert '<fieldset role="radiogroup" aria-required="true"' in body
    # checkboxes: none is required on its own; the legend says the group is
    assert "required" not in tag(body, "person-languages")
    assert 'Sprachen <span class="wf-required" aria-hidden="true">*</span>' in body
    assert '<span class="visually-hidden"> (Pflichtfeld)</span>' in body
    assert "Mit einem Sternchen (*) markierte Felder sind Pflichtfelder." in body
    assert "novalidate" in body  # "Back" and "Save draft" still send an incomplete step


def test_the_consent_text_describes_its_checkbox(client, person_form):
    body = text(client.get(person_form.url))
    assert 'aria-describedby="id_person-consent_helptext"' in tag(body, "person-consent")
    assert '<p class="wf-help wf-consent__text" id="id_person-consent_helptext">' in body
    assert "Ich willige ein." in body


def test_autocomplete_tokens_come_from_type_and_hint(client, person_form):
    body = text(client.get(person_form.url))
    tokens = {
        "person-first_name": "given-name",
        "person-surname": "family-name",
        "person-contact": "email",
        "person-phone": "tel",
        "person-born": "bday",
    }
    for name, token in tokens.items():
        assert f'autocomplete="{token}"' in tag(body, name), name
    assert "autocomplete" not in tag(body, "person-org_name")  # a name, but not a person's
    assert "autocomplete" not in tag(body, "person-arrival")


def test_a_failed_step_starts_with_an_error_summary_linking_to_its_fields(client, person_form):
    page = person_form
    client.get(page.url)
    response = post_step(client, page, "person", first_name="Amal", contact="kein-mail")
    body = text(response)
    summary = re.search(r'<div class="wizard__error-summary".*?</div>', body, re.S)[0]
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert "Bitte korrigieren Sie 4 Angaben, bevor Sie weitergehen:" in summary
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert [target for target, _label in links] == [
        "id_person-contact",
        "id_person-works_0",
        "id_person-languages_0",
        "id_person-consent",
    ]
    assert links[0][1].startswith("E-Mail: ")
    for target, _label in links:
        assert f'id="{target}"' in body  # each link leads to an input on the page
    assert body.index("wizard__error-summary") < body.index('name="person-first_name"')
    contact = tag(body, "person-contact")
    assert 'aria-invalid="true"' in contact
    assert 'aria-describedby="id_person-contact_error"' in contact
    assert 'id="id_person-contact_error"' in body
    assert "<title>Fehler: " in body
    assert "wizard.js" in body


def test_a_failed_group_links_to_its_first_cell(client, home):
    page = make_form_page(
        home,
        step(
            "plan",
            field(
                "group",
                "tasks",
                "Aufgaben",
                required=True,
                fields=[field("short_text", "task", "Aufgabe")],
            ),
        ),
        slug="gruppe",
    )
    client.get(page.url)
    body = text(post_step(client, page, "plan"))
    assert '<a href="#id_plan-tasks-0-task">Aufgaben: ' in body
    assert 'id="id_plan-tasks-0-task"' in body
