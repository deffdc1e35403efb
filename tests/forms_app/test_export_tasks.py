"""Exports over FORMS_EXPORT_TASK_ROWS run as a background task: a progress page, its status
as JSON, a file with the streamed export's bytes for its owner only, gone after download or
after the retention time."""

import datetime
import io
import zipfile

from django.core.management import call_command
from django.urls import reverse

import pytest

from forms_app.models import BackgroundJob, FormSubmission
from forms_app.models.submissions import answers_search_text
from forms_app.storage import get_job_storage
from tests.forms_app.factories import field, make_form_page, step

ROWS = 12


@pytest.fixture
def big_form(home):
    page = make_form_page(
        home,
        step("s", field("short_text", "name", "Name"), field("number", "age", "Alter")),
        slug="viele",
        title="Viele Eingänge",
    )
    FormSubmission.objects.bulk_create(
        FormSubmission(
            page=page,
            answers=(answers := {"name": f"Müller {n}", "age": 20 + n}),
            language="de",
            search_text=answers_search_text(answers),
        )
        for n in range(ROWS)
    )
    return page


@pytest.fixture
def staff(make_user):
    return make_user("Programme administrators")


def export(client, page, fmt="csv", **params):
    url = reverse("forms_app:submissions", args=[page.pk])
    return client.get(url, {"export": fmt, **params})


def streamed(client, settings, page, fmt="csv", **params) -> bytes:
    settings.FORMS_EXPORT_TASK_ROWS = 10_000
    response = export(client, page, fmt, **params)
    assert response.streaming
    return b"".join(response.streaming_content)


def downloaded(client, job) -> bytes:
    response = client.get(reverse("forms_app:job_download", args=[job.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def members(xlsx: bytes) -> dict[str, bytes]:
    """An XLSX's parts: its zip entries carry the time they were written, their content not."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.django_db
def test_a_large_export_runs_as_a_task_for_its_owner_only(
    client, settings, big_form, staff, make_user
):
    settings.FORMS_EXPORT_TASK_ROWS = 5
    client.force_login(staff)
    response = export(client, big_form, dialect="excel", q="müller")
    [job] = BackgroundJob.objects.all()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/forms-app/jobs/{job.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    body = page.content.decode()
    assert "forms_app/js/job-progress.js" in body and "http-equiv" not in body  # finished
    # "Back" leads to the listing as it was filtered, without the export
    listing = reverse("forms_app:submissions", args=[big_form.pk])
    assert job.back_url == f"{listing}?dialect=excel&q=m%C3%BCller"
    assert f'href="{listing}?dialect=excel&amp;q=m%C3%BCller"' in body
    status = client.get(reverse("forms_app:job_status", args=[job.pk])).json()
    assert status["status"] == "done" and status["percent"] == 100
    assert (status["done"], status["total"]) == (ROWS, ROWS)
    assert status["download_url"] == f"/admin/forms-app/jobs/{job.pk}/download/"
    # the export was logged, as a streamed one is
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(
        page=big_form, action="forms_app.submissions.export", user=staff
    ).exists()

    other = make_user("Programme administrators")
    client.force_login(other)
    for name in ("forms_app:job", "forms_app:job_status", "forms_app:job_download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404

    client.force_login(staff)
    job.refresh_from_db()
    stored = job.file.name
    assert get_job_storage().exists(stored)
    assert job.filename.startswith("viele-") and job.filename.endswith(".csv")
    content = downloaded(client, job)
    assert content == streamed(client, settings, big_form, dialect="excel", q="müller")
    assert content.startswith("\ufeff".encode()) and content.count(b"\n") == ROWS + 1
    assert not get_job_storage().exists(stored)  # deleted once downloaded
    assert client.get(reverse("forms_app:job_download", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_the_task_exports_the_listings_filters_and_xlsx(client, settings, big_form, staff):
    settings.FORMS_EXPORT_TASK_ROWS = 5
    client.force_login(staff)
    export(client, big_form, "xlsx")
    job = BackgroundJob.objects.get()
    assert job.filename.endswith(".xlsx")
    assert members(downloaded(client, job)) == members(streamed(client, settings, big_form, "xlsx"))
    # a search the listing applies, the task applies too: 3 rows match "müller 1"
    settings.FORMS_EXPORT_TASK_ROWS = 2
    export(client, big_form, dialect="plain", q="müller 1")
    job = BackgroundJob.objects.latest("created_at")
    content = downloaded(client, job)
    assert content.count(b"\n") == 1 + 3 and not content.startswith("\ufeff".encode())
    assert content == streamed(client, settings, big_form, dialect="plain", q="müller 1")


@pytest.mark.django_db
def test_small_exports_still_stream(client, settings, big_form, staff):
    settings.FORMS_EXPORT_TASK_ROWS = ROWS
    client.force_login(staff)
    assert export(client, big_form).streaming
    assert not BackgroundJob.objects.exists()


@pytest.mark.django_db
def test_jobs_and_files_go_after_the_retention_time(client, settings, big_form, staff):
    settings.FORMS_EXPORT_TASK_ROWS = 5
    client.force_login(staff)
    export(client, big_form)
    job = BackgroundJob.objects.get()
    stored = job.file.name
    call_command("purge_background_jobs", stdout=io.StringIO())
    assert get_job_storage().exists(stored)  # not yet
    BackgroundJob.objects.update(created_at=job.created_at - datetime.timedelta(hours=25))
    call_command("purge_background_jobs", stdout=io.StringIO())
    assert not BackgroundJob.objects.exists() and not get_job_storage().exists(stored)
    assert client.get(reverse("forms_app:job", args=[job.pk])).status_code == 404


# The worker closes its database connection when done: outside a test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_backend_the_worker_writes_the_export(client, settings, big_form, staff):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.FORMS_EXPORT_TASK_ROWS = 5
    client.force_login(staff)
    response = export(client, big_form, dialect="excel")
    job = BackgroundJob.objects.get()
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "forms_app.export_jobs.write_export"
    assert job.task_result_id == str(queued.id)
    body = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in body  # the page without JavaScript
    status = client.get(reverse("forms_app:job_status", args=[job.pk])).json()
    assert status["status"] == "queued" and not status["finished"]
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    status = client.get(reverse("forms_app:job_status", args=[job.pk])).json()
    assert status["status"] == "done" and status["percent"] == 100
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    job.refresh_from_db()
    assert downloaded(client, job) == streamed(client, settings, big_form, dialect="excel")
