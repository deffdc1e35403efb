"""The intake opens a case (or updates the one it was started for) through the form engine's
"Open or update a case" action; the case page shows the intake to its case managers only."""

import datetime

from django.urls import reverse

import pytest

from casework.form_actions import ACTION_NAME
from casework.models import Case, CaseIntake
from forms_app.models import FormSubmission
from tests.casework import factories
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db

MAPPING = {
    "first_name": "first",
    "last_name": "last",
    "date_of_birth": "born",
    "gender": "gender",
    "languages": "languages",
    "residence_status": "status",
    "city": "city",
}


def accepted_transfer(case, partner):
    from casework.models import Transfer, TransferState

    return Transfer.objects.create(
        case=case,
        partner=partner,
        state=TransferState.ACCEPTED,
        starts_on=factories.TODAY,
        ends_on=factories.TODAY + datetime.timedelta(days=180),
        consent_to_share=True,
        consent_recorded_on=factories.TODAY,
        created_by=case.case_manager,
    )


def choices(*values):
    return [{"value": value, "label": value.title()} for value in values]


@pytest.fixture(autouse=True)
def no_rate_count():
    """The test form is public, so submissions are counted per address in the cache."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def intake(home_pages):
    from website.models import HomePage

    page = make_form_page(
        HomePage.objects.get(locale__language_code="de"),
        step(
            "person",
            field("short_text", "first", "Vorname", required=True),
            field("short_text", "last", "Nachname", required=True),
            field("date", "born", "Geburtsdatum"),
            field("single_choice", "gender", "Geschlecht", choices=choices("female", "male")),
            field("multiple_choice", "languages", "Sprachen", choices=choices("arabic", "klingon")),
            field("single_choice", "status", "Status", choices=choices("tolerated", "unknown")),
            field("single_choice", "city", "Wohnort", choices=choices("solingen", "atlantis")),
            field("long_text", "story", "Geschichte"),
        ),
        title="Aufnahme",
        slug="aufnahme",
    )
    page.submission_action, page.action_mapping = ACTION_NAME, MAPPING
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def fill(client, page, query=None, **answers):
    client.get(page.url, query or {})
    answers = {
        "first": "Amal",
        "last": "Beispiel",
        "born": "1991-04-02",
        "gender": "female",
        "languages": ["arabic", "klingon"],
        "status": "tolerated",
        "city": "solingen",
        "story": "Schneiderin seit 2010",
        **answers,
    }
    post_step(client, page, "person", **answers)
    return submit(client, page)


def test_the_intake_opens_a_case_and_lands_on_it(client, intake, wuppertal_manager):
    client.force_login(wuppertal_manager)
    response = fill(client, intake)
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case", args=[case.pk])
    assert (case.first_name, case.last_name, case.gender) == ("Amal", "Beispiel", "female")
    assert case.date_of_birth == datetime.date(1991, 4, 2)
    assert case.residence_status == "tolerated" and case.city.slug == "solingen"
    assert case.number.startswith("SOL-") and case.case_manager == wuppertal_manager
    assert [language.slug for language in case.languages.all()] == ["arabic"]  # no klingon
    link = CaseIntake.objects.get()
    assert link.case == case and link.opened_case
    assert link.submission == FormSubmission.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert f"Fall {case.number} wurde eröffnet." in page
    assert "Schneiderin seit 2010" in page  # the answers that are no case attribute, on the case


def test_without_a_city_answer_the_managers_city_is_taken(client, intake, wuppertal_manager):
    client.force_login(wuppertal_manager)
    fill(client, intake, city="")
    assert Case.objects.get().city.slug == "wuppertal"


def test_an_answer_the_case_cannot_hold_is_refused_and_nothing_is_stored(
    client, intake, wuppertal_manager
):
    client.force_login(wuppertal_manager)
    response = fill(client, intake, status="unknown")
    assert response.status_code == 200 and response.context["is_review"]
    text = response.content.decode()
    assert "„unknown“ ist keine der Möglichkeiten des Falls für „Aufenthaltsstatus“" in text
    assert not Case.objects.exists() and not FormSubmission.objects.exists()
    response = fill(client, intake, city="atlantis")
    assert "„atlantis“ ist keine Stadt des Netzwerks." in response.content.decode()
    assert not Case.objects.exists() and not FormSubmission.objects.exists()


def test_only_case_managers_open_cases(client, intake, make_user):
    client.force_login(make_user("Programme administrators"))
    response = fill(client, intake)
    assert "Nur das Fallmanagement kann" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_started_for_a_case_the_intake_updates_it(client, intake, case, wuppertal_manager):
    client.force_login(wuppertal_manager)
    page = client.get(reverse("casework:case", args=[case.pk])).content.decode()
    assert f'href="{intake.url}?case={case.pk}"' in page  # "update" from the case page
    response = fill(client, intake, {"case": case.pk}, last="Neu", city="", born="")
    assert response["Location"] == reverse("casework:case", args=[case.pk])
    case.refresh_from_db()
    assert case.last_name == "Neu" and case.date_of_birth == datetime.date(1990, 5, 17)
    assert Case.objects.count() == 1
    assert not CaseIntake.objects.get(case=case).opened_case


def test_a_case_one_does_not_manage_is_not_found(client, intake, case, gesa):
    other_city = factories.case_manager("remscheid", username="rita")
    client.force_login(other_city)
    assert client.get(intake.url, {"case": case.pk}).status_code == 404
    assert client.get(intake.url, {"case": "x"}).status_code == 404
    # a partner who sees the case (accepted transfer) still may not update it with an intake
    accepted_transfer(case, gesa)
    worker = factories.caseworker(gesa, username="gero")
    client.force_login(worker)
    assert client.get(intake.url, {"case": case.pk}).status_code == 404


def test_the_case_page_shows_the_intake_to_its_case_managers_only(
    client, intake, wuppertal_manager, gesa
):
    client.force_login(wuppertal_manager)
    fill(client, intake)
    case = Case.objects.get()
    accepted_transfer(case, gesa)
    client.force_login(factories.caseworker(gesa, username="gero"))
    page = client.get(reverse("casework:case", args=[case.pk]))
    assert page.status_code == 200  # the partner sees the case ...
    assert "Schneiderin seit 2010" not in page.content.decode()  # ... but not the intake
    assert f"?case={case.pk}" not in page.content.decode()


def test_the_case_page_reads_intakes_in_constant_queries(client, intake, wuppertal_manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(wuppertal_manager)
    fill(client, intake)
    case = Case.objects.get()
    url = reverse("casework:case", args=[case.pk])
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(3):
        fill(client, intake, {"case": case.pk})
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    assert CaseIntake.objects.filter(case=case).count() == 4
    assert len(four) == len(one)
