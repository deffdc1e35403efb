"""The person's rights: the Art. 15 export, Art. 17 anonymisation, the retention rule."""

import json
from datetime import date
from io import StringIO

from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import translation

from wagtail.models import ModelLogEntry

import pytest

from casework import privacy, services
from casework.models import (
    Case,
    EmployabilityCheck,
    Exchange,
    Placement,
    PlanStep,
    Training,
    Transfer,
    TransferTask,
)
from tests.casework import factories

pytestmark = pytest.mark.django_db

GOALS = [{"text": "Arbeit als Köchin", "steps": [{"what": "Hygieneschulung", "who": "Jobcoach"}]}]


def full_case(case, manager, partner, today):
    """A case with something in every part: plan, check, transfer, exchange, events."""
    services.save_support_plan(
        case, user=manager, expected_version=0, summary="Sucht Arbeit in der Küche", goals=GOALS
    )
    EmployabilityCheck.objects.create(
        case=case, checked_on=today, health_restrictions="Rückenleiden", result="restricted"
    )
    transfer = services.create_transfer(
        case,
        partner=partner,
        user=manager,
        today=today,
        consent_to_share=True,
        note_for_partner="Bitte Kontakt über die Schwester",
    )
    caseworker = factories.caseworker(partner, username="diakonie")
    services.accept_transfer(transfer, user=caseworker, today=today)
    exchange = transfer.exchanges.first()
    services.record_exchange(
        exchange,
        user=caseworker,
        held_on=exchange.planned_for,
        notes="Kommt pünktlich",
        progress={transfer.tasks.first().pk: ("under_way", "Mappe halb fertig")},
    )
    Training.objects.create(case=case, provider="Gesa", kind="health", starts_on=today)
    Placement.objects.create(
        case=case, kind="work", starts_on=today, sector="Gastronomie", recorded_by=manager
    )
    return caseworker


@pytest.fixture
def world(case, wuppertal_manager, diakonie, today):
    return full_case(case, wuppertal_manager, diakonie, today)


def test_json_export_holds_everything_about_the_person_and_is_logged(
    client, world, case, wuppertal_manager
):
    client.force_login(wuppertal_manager)
    response = client.get(
        reverse("casework:export_json", args=[case.pk]), REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{case.number}.json"'
    data = json.loads(response.content)
    assert data["case_number"] == case.number
    assert data["case"][0]["last_name"] == case.last_name
    assert data["case"][0]["date_of_birth"] == "1990-05-17"
    assert data["employability_checks"][0]["health_restrictions"] == "Rückenleiden"
    plan = data["support_plans"][0]
    assert plan["summary"] == "Sucht Arbeit in der Küche"
    assert plan["goals"][0]["steps"][0]["what"] == "Hygieneschulung"
    transfer = data["transfers"][0]
    assert transfer["partner"] == "Diakonie Wuppertal"
    assert transfer["note_for_partner"] == "Bitte Kontakt über die Schwester"
    assert transfer["exchanges"][0]["progress"][0]["comment"] == "Mappe halb fertig"
    assert transfer["conferences"][0]["due_on"]
    assert data["trainings"][0]["provider"] == "Gesa"
    assert data["placements"][0]["sector"] == "Gastronomie"
    assert "casework.transfer.accept" in [entry["action"] for entry in data["audit_log"]]
    entry = ModelLogEntry.objects.for_instance(case).filter(action="casework.case.export").get()
    assert entry.user == wuppertal_manager
    assert entry.data == {"format": "json", "ip": "203.0.113.9"}


def test_readable_export_page_shows_the_same(client, world, case, wuppertal_manager):
    client.force_login(wuppertal_manager)
    page = client.get(reverse("casework:export", args=[case.pk])).content.decode()
    for text in (case.last_name, "Rückenleiden", "Hygieneschulung", "Mappe halb fertig"):
        assert text in page
    assert ModelLogEntry.objects.filter(action="casework.case.export", data__format="html")
    case_page = client.get(reverse("casework:case", args=[case.pk])).content.decode()
    assert reverse("casework:export", args=[case.pk]) in case_page


def test_partner_on_the_case_and_other_city_get_404_on_the_export(client, world, case, gesa):
    others = [
        world,  # the Diakonie caseworker on the case: it holds health data partners never see
        factories.caseworker(gesa, username="gesa"),
        factories.case_manager("solingen", username="solingen"),
    ]
    for user in others:
        client.force_login(user)
        for name in ("casework:export", "casework:export_json"):
            assert client.get(reverse(name, args=[case.pk])).status_code == 404, (user, name)
    assert not ModelLogEntry.objects.filter(action="casework.case.export").exists()


def figures():
    """The aggregate counts the programme reports."""
    return {
        "cases": list(
            Case.objects.values("city__slug", "date_of_entry__year", "gender", "status")
            .annotate(n=Count("pk"))
            .order_by("city__slug")
        ),
        "placements": Placement.objects.count(),
        "transfers": Transfer.objects.count(),
        "trainings": Training.objects.count(),
        "exchanges": Exchange.objects.count(),
        "held": Exchange.objects.filter(held_on__isnull=False).count(),
        "steps": PlanStep.objects.count(),
        "tasks": TransferTask.objects.count(),
    }


def test_anonymising_erases_the_person_and_keeps_the_figures(
    client, world, case, wuppertal_manager, today
):
    other = factories.CaseFactory(case_manager=wuppertal_manager)
    services.close_case(case, reason="placed", user=wuppertal_manager, today=today)
    before = figures()
    client.force_login(wuppertal_manager)
    url = reverse("casework:anonymise", args=[case.pk])
    refused = client.post(url, {"reason": "request"})
    assert refused.status_code == 200
    assert "confirm" in refused.context["form"].errors
    case.refresh_from_db()
    assert not case.is_anonymised and case.last_name
    response = client.post(url, {"reason": "request", "confirm": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert figures() == before
    assert (case.first_name, case.last_name, case.date_of_birth, case.nationality) == (
        "",
        "",
        None,
        "",
    )
    assert case.anonymised_on and not case.languages.exists()
    assert not EmployabilityCheck.objects.filter(case=case).exists()
    data = json.dumps(privacy.person_data(case), ensure_ascii=False)
    for gone in ("Sucht Arbeit", "Hygieneschulung", "Schwester", "pünktlich", "Mappe", "Rücken"):
        assert gone not in data
    assert other.last_name in Case.objects.get(pk=other.pk).last_name  # others untouched
    entry = ModelLogEntry.objects.for_instance(case).get(action="casework.case.anonymise")
    assert entry.user == wuppertal_manager and entry.data["reason"] == "request"
    with translation.override("en"), pytest.raises(services.ValidationError, match="anonymised"):
        services.reopen_case(case, user=wuppertal_manager)


def test_an_open_case_is_not_anonymised(client, world, case, wuppertal_manager):
    client.force_login(wuppertal_manager)
    response = client.post(
        reverse("casework:anonymise", args=[case.pk]), {"reason": "request", "confirm": "on"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    case.refresh_from_db()
    assert not case.is_anonymised


def retention(*flags) -> str:
    out = StringIO()
    call_command("apply_case_retention", "--today=2026-03-02", *flags, stdout=out)
    return out.getvalue()


def test_retention_dry_run_reports_and_the_run_anonymises_only_old_closed_cases(
    wuppertal_manager, settings
):
    settings.CASEWORK_RETENTION_YEARS = 10
    old, recent, still_open = (
        factories.CaseFactory(case_manager=wuppertal_manager) for _index in range(3)
    )
    services.close_case(old, reason="placed", user=wuppertal_manager, today=date(2016, 3, 1))
    services.close_case(recent, reason="placed", user=wuppertal_manager, today=date(2016, 3, 3))
    before = figures()
    assert "Would anonymise 1 cases closed on or before 2016-03-02 (wuppertal 1)." in retention(
        "--dry-run"
    )
    assert not Case.objects.filter(anonymised_on__isnull=False).exists()
    assert "1 cases anonymised." in retention()
    assert list(Case.objects.filter(anonymised_on__isnull=False)) == [old]
    assert figures() == before
    assert (
        ModelLogEntry.objects.for_instance(old).get(action="casework.case.anonymise").data["reason"]
        == "retention"
    )
    assert "0 cases anonymised." in retention()
    assert "1 cases anonymised." in retention("--years=0")  # the recent one; open ones never
    assert set(Case.objects.filter(anonymised_on__isnull=True)) == {still_open}
