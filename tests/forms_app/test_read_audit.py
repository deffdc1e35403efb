"""Every read of submissions is in Wagtail's audit log (who, what, when, from where), and no
entry holds an answer: opening, editing, exporting, downloading a file; erasure leaves the log
without old answers too."""

import io
import json

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest

from forms_app.audit import DATA_KEYS, log_submission
from forms_app.models import FormSubmission, SubmissionChange, SubmissionFile
from tests.forms_app.factories import field, make_form_page, step

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"
ANSWERS = {"name": "Amira Haddad", "health": "Asthma seit 2019"}


@pytest.fixture
def admin_user(make_user):
    return make_user("Programme administrators", username="paula")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def form(home):
    return make_form_page(
        home,
        step(
            "s",
            field("short_text", "name", "Name"),
            field("long_text", "health", "Gesundheit"),
            field("file", "cv", "Lebenslauf", extensions="pdf"),
        ),
        title="Aufnahme",
        slug="aufnahme",
    )


@pytest.fixture
def submission(form):
    submission = FormSubmission(page=form, answers=dict(ANSWERS), language="de")
    submission.save()
    return submission


def with_file(submission, name="Haddad-Lebenslauf.pdf") -> SubmissionFile:
    record = SubmissionFile(submission=submission, key="cv", original_name=name)
    record.file.save(name, ContentFile(b"%PDF-1.4"), save=False)
    record.save()
    return record


def entries(action):
    return list(
        ModelLogEntry.objects.filter(action=action).select_related("user").order_by("pk")
    ) + list(PageLogEntry.objects.filter(action=action).select_related("user").order_by("pk"))


def assert_no_answer_logged(*texts):
    """No label or data of any audit entry holds one of ``texts`` (answers, file names)."""
    for model in (ModelLogEntry, PageLogEntry):
        for label, data in model.objects.values_list("label", "data"):
            written = label + json.dumps(data, ensure_ascii=False)
            for text in texts:
                assert text not in written, (text, label, data)
    for model in (ModelLogEntry, PageLogEntry):
        for data in model.objects.filter(action__startswith="forms_app.").values_list(
            "data", flat=True
        ):
            assert set(data) <= DATA_KEYS


def test_opening_a_submission_is_logged_with_who_and_where(admin_client, admin_user, submission):
    url = reverse("forms_app:submission", args=[submission.page_id, submission.pk])
    response = admin_client.get(url, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 200
    [entry] = entries("forms_app.submission.view")
    assert entry.user == admin_user and entry.object_id == str(submission.pk)
    assert entry.data == {"screen": "detail", "ip": ADDRESS}
    assert entry.label == f"Aufnahme #{submission.pk}"
    assert entry.timestamp is not None
    assert_no_answer_logged(*ANSWERS.values())


def test_the_address_behind_a_trusted_proxy_is_the_clients(admin_client, submission, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    url = reverse("forms_app:submission", args=[submission.page_id, submission.pk])
    admin_client.get(url, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ADDRESS}")
    [entry] = entries("forms_app.submission.view")
    assert entry.data["ip"] == ADDRESS


def test_the_edit_form_is_a_read_and_saving_is_an_edit(admin_client, submission):
    url = reverse("forms_app:submission_edit", args=[submission.page_id, submission.pk])
    assert admin_client.get(url, REMOTE_ADDR=ADDRESS).status_code == 200
    [opened] = entries("forms_app.submission.view")
    assert opened.data == {"screen": "edit", "ip": ADDRESS}
    response = admin_client.post(
        url,
        {"s-name": "Amira Haddad-Nasser", "s-health": ANSWERS["health"], "change-reason": "Heirat"},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    [edited] = entries("forms_app.submission.edit")
    assert edited.data == {"keys": ["name"], "ip": ADDRESS}
    assert_no_answer_logged(*ANSWERS.values(), "Haddad-Nasser", "Heirat")


def test_downloading_a_file_is_logged_without_its_name(admin_client, admin_user, submission):
    record = with_file(submission)
    response = admin_client.get(reverse("forms_app:file", args=[record.pk]), REMOTE_ADDR=ADDRESS)
    assert response.status_code == 200
    [entry] = entries("forms_app.submission.file")
    assert entry.user == admin_user and entry.object_id == str(submission.pk)
    assert entry.data == {"file": record.pk, "keys": ["cv"], "ip": ADDRESS}
    assert_no_answer_logged("Haddad-Lebenslauf", *ANSWERS.values())


@pytest.mark.parametrize("spreadsheet", ["csv", "xlsx"])
def test_an_export_is_logged_with_its_number_of_rows(
    admin_client, admin_user, form, submission, spreadsheet
):
    FormSubmission(page=form, answers={"name": "Yonas Tesfaye"}, language="de").save()
    url = reverse("forms_app:submissions", args=[form.pk])
    response = admin_client.get(url, {"export": spreadsheet}, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 200
    b"".join(response.streaming_content)
    admin_client.get(url, {"export": spreadsheet, "q": "Tesfaye"}, REMOTE_ADDR=ADDRESS)
    everything, searched = entries("forms_app.submissions.export")
    assert everything.user == admin_user and everything.page_id == form.pk
    assert everything.data == {"format": spreadsheet, "rows": 2, "filtered": False, "ip": ADDRESS}
    assert searched.data["rows"] == 1 and searched.data["filtered"] is True
    assert_no_answer_logged("Tesfaye", *ANSWERS.values())


def test_a_programme_administrator_sees_the_reads_in_the_admin(admin_client, submission, form):
    detail = reverse("forms_app:submission", args=[submission.page_id, submission.pk])
    admin_client.get(reverse("forms_app:file", args=[with_file(submission).pk]))
    admin_client.get(reverse("forms_app:submissions", args=[form.pk]), {"export": "xlsx"})
    page = admin_client.get(detail, REMOTE_ADDR=ADDRESS).content.decode()
    # The submission's own history, on its page: this opening and the download before it.
    assert "Hat den Eingang geöffnet" in page and ADDRESS in page
    assert "Hat eine Datei des Eingangs heruntergeladen" in page
    report = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert f"Aufnahme #{submission.pk}" in report
    for label in ("Eingang ansehen", "Datei herunterladen", "Eingänge exportieren"):
        assert label in report, label


def test_audit_data_refuses_keys_that_could_hold_an_answer(submission):
    with pytest.raises(ValueError, match="old"):
        log_submission(submission, "forms_app.submission.edit", old="Asthma")
    assert not ModelLogEntry.objects.exists()


def edited(admin_client, submission) -> None:
    """An edit (history row with the old answers), an opening and a download, logged."""
    with_file(submission)
    url = reverse("forms_app:submission_edit", args=[submission.page_id, submission.pk])
    admin_client.post(
        url, {"s-name": "A. Haddad", "s-health": "keine", "change-reason": "Korrektur"}
    )
    admin_client.get(reverse("forms_app:submission", args=[submission.page_id, submission.pk]))
    assert SubmissionChange.objects.get().changes["health"]["old"] == ANSWERS["health"]


def assert_nothing_old_kept(submission_pk) -> None:
    assert not SubmissionChange.objects.filter(submission_id=submission_pk).exists()
    assert_no_answer_logged(*ANSWERS.values(), "A. Haddad", "keine", "Korrektur", "Lebenslauf")
    # The log still says what happened to the submission.
    assert ModelLogEntry.objects.filter(object_id=str(submission_pk)).exists()


def test_retention_anonymising_leaves_no_old_answer(
    admin_client, form, submission, django_capture_on_commit_callbacks
):
    edited(admin_client, submission)
    form.retention_months, form.retention_action = 1, "anonymise"
    form.save()
    FormSubmission.objects.update(submitted_at=submission.submitted_at.replace(year=2020))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_form_retention", stdout=io.StringIO())
    submission.refresh_from_db()
    assert submission.answers == {} and submission.anonymised_at
    assert_nothing_old_kept(submission.pk)
    [entry] = entries("forms_app.submission.anonymise")
    assert entry.object_id == str(submission.pk) and entry.label == f"Aufnahme #{submission.pk}"


def test_retention_deleting_leaves_no_old_answer(admin_client, form, submission):
    edited(admin_client, submission)
    form.retention_months, form.retention_action = 1, "delete"
    form.save()
    FormSubmission.objects.update(submitted_at=submission.submitted_at.replace(year=2020))
    call_command("apply_form_retention", stdout=io.StringIO())
    assert not FormSubmission.objects.exists()
    assert_nothing_old_kept(submission.pk)


def test_deleting_by_hand_leaves_no_old_answer(admin_client, submission):
    edited(admin_client, submission)
    url = reverse("forms_app:submission_delete", args=[submission.page_id, submission.pk])
    assert admin_client.post(url).status_code == 302
    assert not FormSubmission.objects.exists()
    assert_nothing_old_kept(submission.pk)
