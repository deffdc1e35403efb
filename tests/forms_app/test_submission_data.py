"""The submissions listing and export on Wagtail's generic views, deletion, erasure, retention."""

import csv
import datetime
import html
import io
import re
from urllib.parse import urlencode

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

import pytest
from openpyxl import load_workbook

from forms_app.models import FormSubmission, SubmissionChange, SubmissionFile
from forms_app.retention import months_before
from tests.forms_app.factories import field, make_form_page, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("Programme administrators", username="paula"))
    return client


@pytest.fixture
def typed_form(home):
    return make_form_page(
        home,
        step(
            "s",
            field("short_text", "name", "Name"),
            field("number", "age", "Alter"),
            field("number", "hours", "Stunden"),
            field("date", "arrived", "Eingereist am"),
            field("yes_no", "kids", "Kinder?"),
        ),
        title="Aufnahme",
        slug="aufnahme",
    )


def add(page, count: int, answers: dict, **fields) -> list[FormSubmission]:
    """Submissions written as the wizard writes them (save() keeps the search text)."""
    made = []
    fields.setdefault("revision", page.live_revision)
    for _ in range(count):
        submission = FormSubmission(page=page, answers=answers, language="de", **fields)
        submission.save()
        made.append(submission)
    return made


def listing(page, **params) -> str:
    url = reverse("forms_app:submissions", args=[page.pk])
    return f"{url}?{urlencode(params)}" if params else url


def streamed(response) -> bytes:
    return b"".join(response.streaming_content)


def test_listing_queries_stay_the_same_as_submissions_and_revisions_grow(admin_client, typed_form):
    page = typed_form

    def queries() -> int:
        admin_client.get(listing(page, q="ü"))  # warm caches (permissions, site)
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(listing(page, q="ü", submitted_at_from="2000-01-01"))
        assert response.status_code == 200
        return len(captured)

    add(page, 3, {"name": "Jürgen", "age": 30})
    small = queries()
    add(page, 80, {"name": "Jürgen", "age": 30})
    for number in range(6):
        raw = page.steps.get_prep_value()
        raw[0]["value"]["fields"][0]["value"]["label"] = f"Name {number}"
        page.steps = raw
        page.save_revision().publish()
    assert queries() == small


def test_export_queries_stay_the_same(admin_client, typed_form):
    page = typed_form

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            streamed(admin_client.get(listing(page, export="csv")))
        return len(captured)

    add(page, 3, {"name": "A"})
    small = queries()
    add(page, 30, {"name": "A"})
    page.save_revision().publish()
    assert queries() == small


def test_date_filter_is_a_range_on_the_indexed_column(admin_client, typed_form):
    old, new = add(typed_form, 2, {"name": "x"})
    FormSubmission.objects.filter(pk=old.pk).update(
        submitted_at=timezone.make_aware(datetime.datetime(2026, 3, 1, 23, 30))
    )
    FormSubmission.objects.filter(pk=new.pk).update(
        submitted_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 0, 10))
    )
    with CaptureQueriesContext(connection) as captured:
        body = admin_client.get(
            listing(typed_form, submitted_at_from="2026-03-01", submitted_at_to="2026-03-01")
        ).content.decode()
    detail = reverse("forms_app:submission", args=[typed_form.pk, old.pk])
    assert f'href="{detail}"' in body
    assert reverse("forms_app:submission", args=[typed_form.pk, new.pk]) + '"' not in body
    sql = " ".join(query["sql"] for query in captured if "forms_app_formsubmission" in query["sql"])
    assert "BETWEEN" in sql and "django_datetime_cast_date" not in sql


def test_pagination_keeps_the_filters(admin_client, typed_form):
    add(typed_form, 55, {"name": "Çelik"})
    add(typed_form, 5, {"name": "Other"})
    body = admin_client.get(listing(typed_form, q="çelik", submitted_by="")).content.decode()
    links = re.findall(r'href="([^"]*p=2[^"]*)"', body)
    assert links and all("q=%C3%A7elik" in html.unescape(link) for link in links)
    page_two = admin_client.get(html.unescape(links[0])).content.decode()
    assert page_two.count("Çelik") == 5 and "Other" not in page_two


def test_german_csv_opens_in_excel(admin_client, typed_form):
    answers = {"name": "Jürgen Müller", "age": 41, "hours": "7.5", "arrived": "2025-11-03"}
    add(typed_form, 1, answers)
    response = admin_client.get(listing(typed_form, export="csv"))
    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    content = streamed(response)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    header, row = rows
    assert header[:5] == [
        "Eingangsnummer",
        "Eingereicht am",
        "Eingereicht von",
        "Sprache",
        "Formularversion",
    ]
    cells = dict(zip(header, row, strict=True))
    assert cells["Name"] == "Jürgen Müller"
    assert cells["Alter"] == "41" and cells["Stunden"] == "7,5"
    assert cells["Eingereist am"] == "03.11.2025"
    assert cells["Formularversion"] == "1"


def test_plain_csv_on_request_and_for_english_users(admin_client, typed_form, make_user, client):
    add(typed_form, 1, {"name": "Çelik", "hours": "7.5", "arrived": "2025-11-03"})
    content = streamed(admin_client.get(listing(typed_form, export="csv", dialect="plain")))
    assert not content.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(content.decode())))
    cells = dict(zip(header, row, strict=True))
    assert cells["Stunden"] == "7.5" and cells["Eingereist am"] == "2025-11-03"
    english = make_user("Programme administrators", username="erin")
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(english)
    content = streamed(client.get(listing(typed_form, export="csv")))
    assert b"Submitted at" in content and b";" not in content.split(b"\n")[0]
    excel = streamed(client.get(listing(typed_form, export="csv", dialect="excel")))
    assert excel.startswith(b"\xef\xbb\xbf") and b";" in excel.split(b"\n")[0]


def test_xlsx_has_typed_cells(admin_client, typed_form):
    add(typed_form, 1, {"name": "=1+1", "age": 41, "hours": "7.5", "arrived": "2025-11-03"})
    response = admin_client.get(listing(typed_form, export="xlsx"))
    sheet = load_workbook(io.BytesIO(streamed(response))).active
    header, row = ([cell.value for cell in line] for line in sheet.iter_rows())
    cells = dict(zip(header, row, strict=True))
    assert isinstance(cells["Eingereicht am"], datetime.datetime)
    assert cells["Eingereist am"] == datetime.datetime(2025, 11, 3)  # a date cell
    assert cells["Alter"] == 41 and cells["Stunden"] == 7.5
    assert cells["Name"] == "'=1+1"  # text that looks like a formula stays text
    assert cells["Formularversion"] == 1


def test_form_version_counts_published_versions(admin_client, typed_form):
    first = add(typed_form, 1, {"name": "a"}, revision=typed_form.live_revision)[0]
    typed_form.save_revision()  # a draft is no version
    typed_form.save_revision().publish()
    typed_form.refresh_from_db()
    second = add(typed_form, 1, {"name": "b"}, revision=typed_form.live_revision)[0]
    for submission, number in ((first, 1), (second, 2)):
        url = reverse("forms_app:submission", args=[typed_form.pk, submission.pk])
        body = admin_client.get(url).content.decode()
        assert f"Formularversion: {number}</p>" in body
    assert second.revision_id > 2  # the number is not the revision's id


@pytest.fixture
def upload_form(home):
    return make_form_page(
        home, step("docs", field("file", "cv", "Lebenslauf", extensions="pdf")), slug="up"
    )


def with_file(page, name="cv.pdf") -> tuple[FormSubmission, SubmissionFile]:
    submission = add(page, 1, {"cv": {"name": name, "size": 8}})[0]
    record = SubmissionFile(submission=submission, key="cv", original_name=name)
    record.file.save(name, ContentFile(b"%PDF-1.4"), save=False)
    record.save()
    return submission, record


def test_deleting_a_submission_asks_logs_and_deletes_its_files(
    admin_client, upload_form, django_capture_on_commit_callbacks
):
    submission, record = with_file(upload_form)
    path = record.file.path
    url = reverse("forms_app:submission_delete", args=[upload_form.pk, submission.pk])
    confirm = admin_client.get(url).content.decode()
    assert "endgültig" in confirm and "seine hochgeladene Datei" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url)
    assert response.status_code == 302
    assert not FormSubmission.objects.filter(pk=submission.pk).exists()
    assert not SubmissionFile.objects.exists()
    import os

    assert not os.path.exists(path)
    entry = ModelLogEntry.objects.get(action="forms_app.submission.delete")
    assert entry.user.username == "paula" and entry.data["files"] == 1
    assert entry.object_id == str(submission.pk)


def test_only_holders_of_delete_may_delete(client, make_user, upload_form):
    submission, _record = with_file(upload_form)
    submission.submitted_by = make_user("Case managers", username="own")
    submission.save()
    client.force_login(submission.submitted_by)
    url = reverse("forms_app:submission_delete", args=[upload_form.pk, submission.pk])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert FormSubmission.objects.filter(pk=submission.pk).exists()


def test_deleting_a_form_asks_about_its_submissions_and_deletes_their_files(
    admin_client, upload_form, django_capture_on_commit_callbacks
):
    import os

    paths = [with_file(upload_form)[1].file.path for _ in range(2)]
    url = reverse("wagtailadmin_pages:delete", args=[upload_form.pk])
    body = admin_client.get(url).content.decode()
    assert "2 Formulareingänge" in body and "?export=xlsx" in body
    response = admin_client.post(url)  # Wagtail's own confirmation is not enough
    assert response.status_code == 200 and FormSubmission.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"forms_app_submissions": "delete"})
    assert response.status_code == 302
    assert not FormSubmission.objects.exists() and not SubmissionFile.objects.exists()
    assert not any(os.path.exists(path) for path in paths)


def test_anonymise_erases_answers_files_and_history(
    upload_form, django_capture_on_commit_callbacks
):
    import os

    submission, record = with_file(upload_form)
    SubmissionChange.objects.create(submission=submission, changes={"cv": {"old": 1, "new": 2}})
    with django_capture_on_commit_callbacks(execute=True):
        submission.anonymise()
    submission.refresh_from_db()
    assert submission.answers == {} and submission.search_text == ""
    assert submission.anonymised_at is not None
    assert not SubmissionFile.objects.exists() and not os.path.exists(record.file.path)
    assert not SubmissionChange.objects.exists()


def test_months_before():
    moment = timezone.make_aware(datetime.datetime(2026, 3, 31, 12))
    assert months_before(moment, 1).date() == datetime.date(2026, 2, 28)
    assert months_before(moment, 15).date() == datetime.date(2024, 12, 31)


def age(submissions, days: int) -> None:
    FormSubmission.objects.filter(pk__in=[s.pk for s in submissions]).update(
        submitted_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_retention_dry_run_then_anonymise(upload_form, django_capture_on_commit_callbacks):
    import os

    upload_form.retention_months = 6
    upload_form.retention_action = "anonymise"
    upload_form.save()
    old, old_file = with_file(upload_form)
    fresh, fresh_file = with_file(upload_form)
    age([old], 200)
    out = io.StringIO()
    call_command("apply_form_retention", "--dry-run", stdout=out)
    assert "would anonymise 1 submission(s)" in out.getvalue() and "1 file(s)" in out.getvalue()
    old.refresh_from_db()
    assert old.answers and os.path.exists(old_file.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_form_retention", stdout=io.StringIO())
    old.refresh_from_db()
    assert old.answers == {} and old.anonymised_at and not os.path.exists(old_file.file.path)
    assert FormSubmission.objects.count() == 2  # the count stays
    fresh.refresh_from_db()
    assert fresh.answers and os.path.exists(fresh_file.file.path)
    assert PageLogEntry.objects.filter(action="forms_app.retention.apply").get().data["count"] == 1
    out = io.StringIO()
    call_command("apply_form_retention", "--dry-run", stdout=out)
    assert "would anonymise 0 submission(s)" in out.getvalue()  # done once


def test_retention_delete_and_blank_keeps(home, typed_form, upload_form):
    typed_form.retention_months = 12
    typed_form.retention_action = "delete"
    typed_form.save()
    old = add(typed_form, 3, {"name": "alt"})
    keep = add(typed_form, 1, {"name": "neu"})
    kept_forever = add(upload_form, 2, {"cv": None})  # no retention set
    age(old, 400)
    age(kept_forever, 4000)
    call_command("apply_form_retention", stdout=io.StringIO())
    assert set(FormSubmission.objects.values_list("pk", flat=True)) == {
        keep[0].pk,
        *(s.pk for s in kept_forever),
    }


def test_results_fragment_searches_as_one_types(admin_client, typed_form):
    add(typed_form, 1, {"name": "Jürgen Müller"})
    add(typed_form, 1, {"name": "Ayşe Çelik"})
    url = reverse("forms_app:submissions_results", args=[typed_form.pk])
    response = admin_client.get(url, {"q": "Müller"})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "Jürgen Müller" in body and "Çelik" not in body
