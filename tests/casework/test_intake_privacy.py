"""The intake's answers are the person's data too: in the Art. 15 export, erased by Art. 17."""

from datetime import date

import pytest

from casework import privacy
from casework.models import CaseIntake
from forms_app.models import FormSubmission
from tests.forms_app.factories import field, make_form_page, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake(case, home_pages):
    from website.models import HomePage

    page = make_form_page(
        HomePage.objects.get(locale__language_code="de"),
        step(
            "person",
            field("short_text", "first", "Vorname"),
            field("long_text", "health", "Gesundheit"),
        ),
        title="Aufnahme",
        slug="aufnahme",
    )
    submission = FormSubmission.objects.create(
        page=page, answers={"first": "Amal", "health": "Rückenleiden seit 2019"}
    )
    return CaseIntake.objects.create(case=case, submission=submission, opened_case=True)


def test_the_export_holds_every_intake_answer_with_its_question(intake, case):
    exported = privacy.person_data(case)["intakes"]
    assert exported[0]["form"] == "Aufnahme"
    assert {"question": "Gesundheit", "answer": "Rückenleiden seit 2019"} in exported[0]["answers"]


def test_anonymising_the_case_erases_its_intake(intake, case, wuppertal_manager):
    case.status, case.closed_on = "closed", date(2020, 1, 1)
    case.save()
    privacy.anonymise_cases([case.pk], user=wuppertal_manager, reason="request", today=date.today())
    submission = FormSubmission.objects.get(pk=intake.submission_id)
    assert submission.answers == {} and submission.anonymised_at is not None
    assert privacy.person_data(case)["intakes"][0]["answers"] == []
