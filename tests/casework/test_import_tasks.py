"""A casework file over CASEWORK_IMPORT_TASK_ROWS is confirmed by the task worker, with rows
checked counted on the progress page, and ends with today's message on "My cases"."""

from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

import pytest

from casework.models import Case, Placement
from forms_app.models import BackgroundJob
from tests.casework.test_import import confirm, csv_rows, manager_client, previews, upload  # noqa: F401

ROWS = 7
CONTENT = csv_rows(
    *(
        f"Amal{n};Kaya;0{n + 1}.02.1990;;01.02.2026;Ausbildung;01.03.2026;Pflege"
        for n in range(ROWS)
    )
)


def status(client, job) -> dict:
    return client.get(reverse("forms_app:job", args=[job.pk]) + "status/").json()


@pytest.mark.django_db
def test_a_large_import_is_confirmed_as_a_task(manager_client, settings):  # noqa: F811
    from wagtail.models import ModelLogEntry

    settings.CASEWORK_IMPORT_TASK_ROWS = 5
    preview = upload(manager_client, CONTENT)
    assert [row.action for row in preview.context["report"].rows] == ["new"] * ROWS
    response = confirm(manager_client, preview)
    job = BackgroundJob.objects.get()
    assert response["Location"] == reverse("forms_app:job", args=[job.pk])
    state = status(manager_client, job)
    assert state["status"] == "done" and state["percent"] == 100
    assert (state["done"], state["total"]) == (ROWS, ROWS)
    assert Case.objects.count() == ROWS and Placement.objects.count() == ROWS
    # audited as in the request, with the address of the request that confirmed
    entry = ModelLogEntry.objects.get(action="casework.import")
    assert entry.data["cases"] == ROWS and entry.data["ip"] == "127.0.0.1"
    response = manager_client.get(reverse("forms_app:job", args=[job.pk]))
    assert response["Location"] == reverse("casework:index")
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("Import abgeschlossen. Eröffnete Fälle: 7 · erfasste")
    assert not BackgroundJob.objects.exists()


@pytest.mark.django_db
def test_another_person_never_sees_the_job(manager_client, settings, make_user):  # noqa: F811
    settings.CASEWORK_IMPORT_TASK_ROWS = 5
    confirm(manager_client, upload(manager_client, CONTENT))
    job = BackgroundJob.objects.get()
    manager_client.force_login(make_user("Case managers"))
    assert manager_client.get(reverse("forms_app:job", args=[job.pk])).status_code == 404


# The worker closes its database connection when done: outside a test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_confirms_the_import(manager_client, settings):  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CASEWORK_IMPORT_TASK_ROWS = 5
    confirm(manager_client, upload(manager_client, CONTENT))
    job = BackgroundJob.objects.get()
    assert status(manager_client, job)["status"] == "queued" and not Case.objects.exists()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    state = status(manager_client, job)
    assert state["status"] == "done" and state["done"] == ROWS
    assert Case.objects.count() == ROWS
