"""A partner file over PARTNERS_IMPORT_TASK_ROWS is confirmed by the task worker: the person
waits on a progress page, which ends with today's message on the partner list."""

from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

import pytest

from forms_app.models import BackgroundJob
from partners.models import PartnerOrganisation
from partners.views import SESSION_KEY
from tests.partners.test_import import CONFIRM_URL, admin_client, upload  # noqa: F401 (fixture)

ROWS = 6
CSV = "slug;name;kind;cities\n" + "".join(
    f"p{n};Partner {n};non_profit;Wuppertal\n" for n in range(ROWS)
)
LIST_URL = reverse("wagtailsnippets_partners_partnerorganisation:list")


def confirm(client, **data):
    return client.post(CONFIRM_URL, {"key": client.session[SESSION_KEY]["key"], **data})


def status(client, job) -> dict:
    return client.get(reverse("forms_app:job_status", args=[job.pk])).json()


@pytest.mark.django_db
def test_a_large_import_is_confirmed_as_a_task(admin_client, settings):  # noqa: F811
    settings.PARTNERS_IMPORT_TASK_ROWS = 5
    upload(admin_client, CSV)
    response = confirm(admin_client)
    job = BackgroundJob.objects.get()
    assert response["Location"] == reverse("forms_app:job", args=[job.pk])
    state = status(admin_client, job)
    assert state["status"] == "done" and state["percent"] == 100 and state["reload"]
    assert (state["done"], state["total"]) == (ROWS, ROWS)
    assert PartnerOrganisation.objects.filter(live=True).count() == ROWS
    # the page then ends where the confirm in the request ends, with the same message
    response = admin_client.get(reverse("forms_app:job", args=[job.pk]))
    assert response.status_code == 302 and response["Location"] == LIST_URL
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message == "Import abgeschlossen: 6 angelegt, 0 aktualisiert, 0 unverändert."
    assert not BackgroundJob.objects.exists()


@pytest.mark.django_db
def test_small_imports_are_confirmed_in_the_request(admin_client, settings):  # noqa: F811
    settings.PARTNERS_IMPORT_TASK_ROWS = ROWS
    upload(admin_client, CSV)
    assert confirm(admin_client)["Location"] == LIST_URL
    assert not BackgroundJob.objects.exists()
    assert PartnerOrganisation.objects.count() == ROWS


# The worker closes its database connection when done: outside a test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_confirms_a_preview_made_in_the_request(admin_client, settings):  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PARTNERS_IMPORT_TASK_ROWS = 5
    upload(admin_client, CSV)
    confirm(admin_client, mode="draft")
    job = BackgroundJob.objects.get()
    assert status(admin_client, job)["status"] == "queued"
    assert not PartnerOrganisation.objects.exists()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    state = status(admin_client, job)
    assert state["status"] == "done" and (state["done"], state["total"]) == (ROWS, ROWS)
    assert PartnerOrganisation.objects.filter(live=False).count() == ROWS
    assert state["message"].startswith("Als Entwürfe gespeichert: 6 neu")
