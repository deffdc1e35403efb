"""The staff screens through Django's test client: the whole process, and bad input."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from casework import services
from casework.models import Case, Exchange, Placement, Transfer, TransferState
from partners.models import City, Language
from tests.casework import factories

pytestmark = pytest.mark.django_db


def test_a_case_from_opening_to_placement(client, wuppertal_manager, diakonie):
    today = timezone.localdate()
    client.force_login(wuppertal_manager)
    response = client.post(
        reverse("casework:add"),
        {
            "first_name": "Amira",
            "last_name": "Beispiel",
            "date_of_birth": "1994-02-03",
            "gender": "female",
            "nationality": "Syrisch",
            "languages": [Language.objects.sources().get(slug="arabic").pk],
            "residence_status": "tolerated",
            "city": City.objects.sources().get(slug="wuppertal").pk,
            "date_of_entry": today.isoformat(),
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == reverse("casework:case", args=[case.pk])
    assert case.number == f"WUP-{today.year}-0001"

    response = client.post(
        reverse("casework:plan", args=[case.pk]),
        {
            "expected_version": 0,
            "summary": "Arbeit in der Pflege",
            "steps-TOTAL_FORMS": 3,
            "steps-INITIAL_FORMS": 0,
            "steps-0-goal": "Pflegehelferin",
            "steps-0-what": "Bewerbungsmappe erstellen",
            "steps-0-who": "Jobcoach",
            "steps-0-status": "open",
        },
    )
    assert response.status_code == 302
    response = client.get(reverse("casework:transfer", args=[case.pk]))
    assert response.context["formset"].initial[0]["text"] == "Bewerbungsmappe erstellen"
    response = client.post(
        reverse("casework:transfer", args=[case.pk]),
        {
            "partner": diakonie.pk,
            "starts_on": today.isoformat(),
            "consent_to_share": "on",
            "tasks-TOTAL_FORMS": 1,
            "tasks-INITIAL_FORMS": 0,
            "tasks-0-text": "Bewerbungsmappe erstellen",
        },
    )
    assert response.status_code == 302
    transfer = Transfer.objects.get()

    worker = factories.caseworker(diakonie, username="jonas")
    client.force_login(worker)
    assert client.get(reverse("casework:case", args=[case.pk])).status_code == 404
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert case.number in home and "Beispiel" not in home
    response = client.post(reverse("casework:answer", args=[transfer.pk]), {"accept": "1"})
    assert response.status_code == 302
    page = client.get(reverse("casework:case", args=[case.pk]))
    assert page.status_code == 200
    assert "Amira Beispiel" in page.content.decode()
    exchange = Exchange.objects.first()
    task = transfer.tasks.get()
    response = client.post(
        reverse("casework:exchange", args=[case.pk, exchange.pk]),
        {"held_on": today.isoformat(), "notes": "Mappe fast fertig", f"progress_{task.pk}": "done"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("casework:placement", args=[case.pk]),
        {
            "kind": "work",
            "first_labour_market": "on",
            "starts_on": today.isoformat(),
            "sector": "Pflege",
            "hours_per_week": "30",
        },
    )
    assert response.status_code == 302
    assert Placement.objects.get().recorded_by == worker
    assert Exchange.objects.get(pk=exchange.pk).held_on == today


def test_a_stale_plan_editor_is_told_and_keeps_their_input(client, case, wuppertal_manager):
    services.save_support_plan(
        case, user=wuppertal_manager, expected_version=0, summary="", goals=[{"text": "A"}]
    )
    client.force_login(wuppertal_manager)
    response = client.post(
        reverse("casework:plan", args=[case.pk]),
        {
            "expected_version": 0,
            "summary": "Meine Änderung",
            "steps-TOTAL_FORMS": 1,
            "steps-INITIAL_FORMS": 0,
            "steps-0-goal": "B",
        },
    )
    assert response.status_code == 200
    assert "Jemand anderes hat Fassung 1" in response.content.decode()
    assert "Meine Änderung" in response.content.decode()
    assert case.plans.count() == 1


def test_a_transfer_without_consent_is_refused_on_the_form(client, case, wuppertal_manager, gesa):
    client.force_login(wuppertal_manager)
    response = client.post(
        reverse("casework:transfer", args=[case.pk]),
        {
            "partner": gesa.pk,
            "starts_on": "2026-03-02",
            "tasks-TOTAL_FORMS": 0,
            "tasks-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "Einwilligung der Person" in response.content.decode()
    assert not Transfer.objects.exists()


def test_a_partner_declines_with_a_reason(client, case, wuppertal_manager, gesa):
    transfer = services.create_transfer(
        case, partner=gesa, user=wuppertal_manager, today=date(2026, 3, 2), consent_to_share=True
    )
    client.force_login(factories.caseworker(gesa))
    response = client.post(reverse("casework:answer", args=[transfer.pk]), {"decline": "1"})
    assert response.status_code == 200
    response = client.post(
        reverse("casework:answer", args=[transfer.pk]), {"decline": "1", "reason": "Kein Platz"}
    )
    assert response.status_code == 302
    transfer.refresh_from_db()
    assert (transfer.state, transfer.decision_reason) == (TransferState.DECLINED, "Kein Platz")


def test_case_page_and_print_are_audited_with_the_address(client, case, wuppertal_manager):
    from wagtail.models import ModelLogEntry

    client.force_login(wuppertal_manager)
    client.get(reverse("casework:case", args=[case.pk]), REMOTE_ADDR="192.0.2.7")
    response = client.get(reverse("casework:print_plan", args=[case.pk]) + "?lang=en")
    assert "Support plan" in response.content.decode()
    entries = ModelLogEntry.objects.for_instance(case).order_by("pk")
    assert [(e.action, e.data.get("ip")) for e in entries] == [
        ("casework.case.view", "192.0.2.7"),
        ("casework.case.print", "127.0.0.1"),
    ]
    assert all(e.user == wuppertal_manager and e.label == case.number for e in entries)
    german = client.get(reverse("casework:print_plan", args=[case.pk]) + "?lang=de")
    assert "Förderplan" in german.content.decode()


def test_screens_speak_german_and_english(client, case, wuppertal_manager):
    client.force_login(wuppertal_manager)
    url = reverse("casework:case", args=[case.pk])
    german = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Förderplan schreiben" in german and "Verlauf" in german
    index = client.get(reverse("casework:index"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Meine Fälle" in index and "nächste Fälligkeit" in index
    printed = client.get(reverse("casework:print_plan", args=[case.pk]) + "?lang=en")
    assert "Support plan" in printed.content.decode()


def test_the_admin_home_lists_overdue_exchanges_for_the_case_manager(
    client, case, wuppertal_manager, diakonie
):
    long_ago = timezone.localdate() - timedelta(weeks=8)
    transfer = services.create_transfer(
        case,
        partner=diakonie,
        user=wuppertal_manager,
        today=long_ago,
        starts_on=long_ago,
        consent_to_share=True,
    )
    services.accept_transfer(transfer, user=wuppertal_manager, today=long_ago)
    client.force_login(wuppertal_manager)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Diese Woche fällig oder überfällig" in home
    assert case.number in home and "überfällig</span>" in home
    assert "Übermittlungen, die auf Ihre Antwort warten" not in home
