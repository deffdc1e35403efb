"""An intake's form submission follows its case's rules in the submissions admin.

For each kind of user the intake is made their own submission, so the form engine's rule (own
submissions, or all with the view permission) would show it to every one of them: what hides it
is casework's rule (``casework.form_visibility``), which only the case's case managers pass.
"""

from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from casework import services
from casework.models import CaseIntake
from forms_app.models import FormSubmission, SubmissionFile
from partners.models import City
from tests.casework import factories
from tests.casework.test_access_matrix import DENIED, answer
from tests.factories import UserFactory
from tests.forms_app.factories import field, make_form_page, step

pytestmark = pytest.mark.django_db

SEES = {"listing": True, "export": True, "detail": 200, "file": 200}
SEES_NOTHING = {"listing": False, "export": False, "detail": 404, "file": 404, "delete": 404}
# Editing and deleting need the engine's change and delete permissions (programme
# administrators and superusers hold them); the edit asks for it before it looks the
# submission up, the delete after.
EXPECTED = {
    "manager": {**SEES, "edit": DENIED, "delete": DENIED},
    "manager_same_city": {**SEES, "edit": DENIED, "delete": DENIED},
    "manager_other_city": {**SEES_NOTHING, "edit": DENIED},
    "caseworker": {**SEES_NOTHING, "edit": DENIED},
    "caseworker_other_partner": {**SEES_NOTHING, "edit": DENIED},
    "programme_admin": {**SEES_NOTHING, "edit": 404},
    "superuser": {**SEES_NOTHING, "edit": 404},
}


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.FORMS_PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture
def intake_form(home_pages):
    from website.models import HomePage

    return make_form_page(
        HomePage.objects.get(locale__language_code="de"),
        step(
            "person",
            field("short_text", "first", "Vorname"),
            field("long_text", "health", "Gesundheit"),
            field("file", "report", "Attest", extensions="pdf"),
        ),
        title="Aufnahme",
        slug="aufnahme",
    )


@pytest.fixture
def users(wuppertal_manager, diakonie, gesa, case, today):
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    caseworker = factories.caseworker(diakonie, username="diakonie")
    services.accept_transfer(transfer, user=caseworker, today=today)
    return {
        "manager": wuppertal_manager,
        "manager_same_city": factories.case_manager("wuppertal", username="jonas"),
        "manager_other_city": factories.case_manager("solingen", username="solingen"),
        "caseworker": caseworker,
        "caseworker_other_partner": factories.caseworker(gesa, username="gesa"),
        "programme_admin": UserFactory(role="Programme administrators"),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


def make_intake(case, page, user) -> FormSubmission:
    submission = FormSubmission.objects.create(
        page=page,
        submitted_by=user,
        answers={"first": "Amal", "health": "Rückenleiden seit 2019"},
    )
    SubmissionFile.objects.create(
        submission=submission,
        key="report",
        file=ContentFile(b"%PDF-1.4 attest", name="attest.pdf"),
        original_name="attest.pdf",
    )
    CaseIntake.objects.create(case=case, submission=submission, opened_case=True)
    return submission


def answers_of(client, page, submission) -> dict:
    listing = reverse("forms_app:submissions", args=[page.pk])
    export = b"".join(client.get(f"{listing}?export=csv").streaming_content).decode()
    ids = [page.pk, submission.pk]
    return {
        "listing": "Rückenleiden" in client.get(listing).content.decode(),
        "export": "Rückenleiden" in export,
        "detail": answer(client.get(reverse("forms_app:submission", args=ids))),
        "file": answer(client.get(reverse("forms_app:file", args=[submission.files.get().pk]))),
        "edit": answer(client.get(reverse("forms_app:submission_edit", args=ids))),
        "delete": answer(client.get(reverse("forms_app:submission_delete", args=ids))),
    }


@pytest.mark.parametrize("user_key", sorted(EXPECTED))
def test_the_intake_of_a_case_follows_the_case(client, users, case, intake_form, user_key):
    user = users[user_key]
    submission = make_intake(case, intake_form, user)
    client.force_login(user)
    assert answers_of(client, intake_form, submission) == EXPECTED[user_key]
    assert FormSubmission.objects.filter(pk=submission.pk).exists()


def test_a_submission_of_no_case_keeps_the_engines_rule(client, users, intake_form):
    submission = FormSubmission.objects.create(page=intake_form, answers={"first": "Omar"})
    client.force_login(users["programme_admin"])
    url = reverse("forms_app:submission", args=[intake_form.pk, submission.pk])
    assert client.get(url).status_code == 200


def test_the_case_moving_to_another_city_takes_the_intake_with_it(client, users, case, intake_form):
    """The manager who filled the intake no longer sees it once the case is another city's."""
    submission = make_intake(case, intake_form, users["manager"])
    case.city = City.objects.sources().get(slug="solingen")
    case.case_manager = users["manager_other_city"]
    case.save()
    client.force_login(users["manager"])
    assert answers_of(client, intake_form, submission) == EXPECTED["manager_other_city"]
