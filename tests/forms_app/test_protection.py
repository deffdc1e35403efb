"""Public forms: honeypot and rate limit; notification mails without answers."""

from django.core import mail

import pytest

from forms_app.models import FormSubmission
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(home):
    page = make_form_page(
        home,
        step("contact", field("short_text", "message", "Nachricht", required=True)),
        title="Kontakt",
        slug="kontakt",
    )
    page.notify_emails = "team@example.invalid"
    page.save_revision().publish()
    return page


def send(client, page, text="Hallo", **extra):
    client.get(page.url)
    response = post_step(client, page, "contact", message=text, **extra)
    if response.status_code == 200 and "review-token" not in response.content.decode():
        return response
    return submit(client, page)


def test_honeypot_refuses_bots_and_keeps_the_answer(client, contact):
    response = send(client, contact, website_url="http://spam.invalid")
    body = response.content.decode()
    assert "Ihre Eingabe konnte nicht angenommen werden." in body
    assert 'value="Hallo"' in body
    assert not FormSubmission.objects.exists()


def test_rate_limit_per_address_and_form(client, contact, settings):
    settings.FORMS_RATE_LIMIT = (2, 600)
    assert send(client, contact).status_code == 302
    assert send(client, contact).status_code == 302
    response = send(client, contact)
    assert response.status_code == 200
    assert "Zu viele Eingänge" in response.content.decode()
    assert FormSubmission.objects.count() == 2
    other = client.__class__(REMOTE_ADDR="10.0.0.2")
    assert send(other, contact).status_code == 302


def test_staff_forms_are_not_rate_limited(client, make_user, contact, settings):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    settings.FORMS_RATE_LIMIT = (1, 600)
    restriction = PageViewRestriction.objects.create(
        page=contact, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Case managers"))
    client.force_login(make_user("Case managers"))
    assert send(client, contact).status_code == 302
    assert send(client, contact).status_code == 302
    assert FormSubmission.objects.count() == 2


def test_notification_has_a_link_and_no_answers(
    client, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, contact, text="Sehr private Nachricht")
    [message] = mail.outbox
    submission = FormSubmission.objects.get()
    assert message.to == ["team@example.invalid"]
    assert f"/admin/forms-app/{contact.pk}/{submission.pk}/" in message.body
    assert "Sehr private Nachricht" not in message.body + message.subject


def test_rate_limit_counts_each_client_behind_a_trusted_proxy(client, contact, settings):
    """Behind a load balancer every request comes from its address; the limit counts clients."""
    settings.FORMS_RATE_LIMIT = (1, 600)
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    first = client.__class__(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = client.__class__(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert send(first, contact).status_code == 302
    assert send(first, contact).status_code == 200  # that client's limit is reached
    assert send(second, contact).status_code == 302  # the next client behind the proxy is not
    # and a client cannot escape its bucket by sending its own X-Forwarded-For
    spoofing = client.__class__(
        REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1"
    )
    assert send(spoofing, contact).status_code == 200
    assert FormSubmission.objects.count() == 2


# The worker closes its database connection when done: outside a test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_notification_waits_for_the_worker_with_the_database_backend(
    client, contact, settings, django_capture_on_commit_callbacks
):
    """In production the mail is a task in the database: the submitter never waits for SMTP."""
    from django.core.management import call_command

    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        send(client, contact, text="Hallo")
    assert mail.outbox == []
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "forms_app.submit.notify"
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    [message] = mail.outbox
    assert message.to == ["team@example.invalid"]
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


# The worker closes its database connection when done: outside a test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_submission_deleted_before_the_worker_is_not_announced(
    client, contact, settings, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        send(client, contact, text="Hallo")
    FormSubmission.objects.all().delete()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert mail.outbox == []
