"""Faults while submitting: a read-only database or a full disk when the last step is sent.

The person gets a 503 page that says nothing was stored and that their answers are kept, with a
link back to them; nothing is half-written (no submission row, no file rows, no files on disk);
once the fault is lifted, the same wizard submits exactly once. The faults are real database
errors, switched on for the request's connection: on SQLite ``PRAGMA query_only`` (read-only)
and ``PRAGMA max_page_count`` at the current size (disk full; CI runs as root, for whom a
read-only file is writable), on PostgreSQL ``default_transaction_read_only`` (a standby after a
failover answers the same). One fault starts in the middle of the submission, after its row
and before its file's row, as a disk that fills up while it is written would.

The tests run outside a test transaction (as the app server does), so each request's
transactions are real ones.
"""

from contextlib import contextmanager

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

import pytest

from forms_app.models import FormSubmission, SubmissionFile
from forms_app.wizard import wizard_prefix
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, review_token, submit
from tests.proof import proof_figure

pytestmark = [pytest.mark.proof, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SQLITE = connection.vendor == "sqlite"
PDF = b"%PDF-1.4 intake attachment"
NOTES = "Lange Notiz. " * 600  # more than a database page: a full disk has no room for it
# The page speaks the site's default language, German.
UNREACHABLE = "Die Datenbank ist gerade nicht erreichbar"
NOT_STORED = "Was Sie gerade gesendet haben, wurde nicht gespeichert."
KEPT = "Ihre Antworten aus den bisherigen Schritten bleiben erhalten"


@pytest.fixture
def upload_form(home):
    return make_form_page(
        home,
        step(
            "person",
            field("short_text", "name", "Name", required=True),
            field("long_text", "notes", "Notizen"),
        ),
        step("docs", field("file", "cv", "Lebenslauf", extensions="pdf", max_size_mb=1)),
        title="Störfall",
        slug="stoerfall",
    )


@pytest.fixture
def person(make_user):
    client = Client(raise_request_exception=False)  # the handler's page, as a browser sees it
    client.force_login(make_user("Case managers"))
    return client


def fill_in(client, page) -> str:
    """Both steps sent; the wizard waits on its review step. Returns the review token."""
    assert client.get(page.url).status_code == 200
    sent = post_step(client, page, "person", name="Mustermann", notes=NOTES)
    assert sent.status_code == 200
    upload = SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf")
    data = {f"{wizard_prefix(page)}-current_step": "docs", "docs-cv": upload}
    assert client.post(page.url, data).status_code == 200
    return review_token(client, page)


def set_pragma(name: str, value) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name} = {value}")


def pragma(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return cursor.fetchone()[0]


@contextmanager
def read_only():
    if SQLITE:
        set_pragma("query_only", "ON")
    else:
        with connection.cursor() as cursor:
            cursor.execute("SET default_transaction_read_only = on")
    try:
        yield
    finally:
        if SQLITE:
            set_pragma("query_only", "OFF")
        else:
            with connection.cursor() as cursor:
                cursor.execute("SET default_transaction_read_only = off")


@contextmanager
def disk_full():
    """Not one more page: VACUUM first, so no free page inside the file is left to fill."""
    before = pragma("max_page_count")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM")
    set_pragma("max_page_count", pragma("page_count"))
    try:
        yield
    finally:
        set_pragma("max_page_count", before)


@contextmanager
def disk_fills_up_after_the_submission_row():
    """The disk fills up mid-submission: its row is written, its file's row is not."""

    def execute(run, sql, params, many, context):
        if sql.startswith('INSERT INTO "forms_app_submissionfile"') and not fault.get("on"):
            fault["on"] = True
            set_pragma("query_only", "ON")
        return run(sql, params, many, context)

    fault = {}
    with connection.execute_wrapper(execute):
        try:
            yield fault
        finally:
            if fault.get("on"):
                set_pragma("query_only", "OFF")


def stored_files(private_root) -> list:
    """Files of submissions (the wizard's own uploads in progress aside)."""
    if not private_root.exists():
        return []
    return [
        p
        for p in private_root.rglob("*")
        if p.is_file() and "wizard-uploads" not in p.relative_to(private_root).parts
    ]


def assert_refused_cleanly(response, private_root) -> None:
    html = response.content.decode()
    assert response.status_code == 503
    assert UNREACHABLE in html
    assert NOT_STORED in html and KEPT in html
    assert 'class="site-header"' in html and "Traceback" not in html
    assert "readonly" not in html and "disk is full" not in html and "Error" not in html
    assert FormSubmission.objects.count() == 0
    assert SubmissionFile.objects.count() == 0
    assert stored_files(private_root) == []


def resume_and_submit(client, page, private_root) -> None:
    resumed = client.get(page.url + "?resume=1")
    assert resumed.status_code == 200 and "Mustermann" in resumed.content.decode()
    token = review_token(client, page)
    done = submit(client, page, token)
    assert done.status_code == 302, done.content.decode()[:500]
    again = submit(client, page, token)  # a second click, or Back and send
    assert again.status_code == 302
    submission = FormSubmission.objects.get()
    assert submission.answers["name"] == "Mustermann"
    assert submission.answers["notes"] == NOTES.strip()
    assert [f.file.read() for f in SubmissionFile.objects.filter(submission=submission)] == [PDF]
    assert len(stored_files(private_root)) == 1


def faults() -> list:
    if SQLITE:
        return [read_only, disk_full, disk_fills_up_after_the_submission_row]
    return [read_only]


@pytest.mark.parametrize("fault", faults(), ids=lambda fault: fault.__name__)
def test_submitting_under_a_fault_stores_nothing_and_keeps_the_answers(
    fault, person, upload_form, private_root, record_property
):
    token = fill_in(person, upload_form)
    with fault():
        refused = submit(person, upload_form, token)
    assert_refused_cleanly(refused, private_root)
    resume_and_submit(person, upload_form, private_root)
    database = "SQLite" if SQLITE else "PostgreSQL"
    proof_figure(
        record_property,
        "Faults",
        f"{fault.__name__.replace('_', ' ')} ({database}) while submitting: 503, "
        "no row and no file written, answers kept, stored exactly once after it is lifted",
    )
