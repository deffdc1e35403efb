"""The process rules, with a fixed clock (``today``)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from casework import services
from casework.models import Case, Exchange, TransferState
from partners.models import City

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted in English (the German ones are tested on the screens)."""
    with translation.override("en"):
        yield


GOALS = [
    {
        "text": "Arbeit in der Logistik",
        "steps": [
            {"what": "Bewerbungsmappe erstellen", "who": "Jobcoach", "due_on": date(2026, 4, 1)},
            {"what": "Staplerschein", "who": "Teilnehmerin", "due_on": None, "status": "done"},
        ],
    }
]


def test_case_numbers_count_per_city_and_year(wuppertal_manager, today):
    wuppertal, solingen = (
        City.objects.sources().get(slug="wuppertal"),
        City.objects.sources().get(slug="solingen"),
    )
    first = services.open_case(
        manager=wuppertal_manager, city=wuppertal, today=today, first_name="A", last_name="B"
    )
    second = services.open_case(
        manager=wuppertal_manager, city=wuppertal, today=today, first_name="C", last_name="D"
    )
    other = services.open_case(
        manager=wuppertal_manager, city=solingen, today=today, first_name="E", last_name="F"
    )
    next_year = services.open_case(
        manager=wuppertal_manager,
        city=wuppertal,
        today=date(2027, 1, 4),
        first_name="G",
        last_name="H",
    )
    assert [first.number, second.number, other.number, next_year.number] == [
        "WUP-2026-0001",
        "WUP-2026-0002",
        "SOL-2026-0001",
        "WUP-2027-0001",
    ]
    assert first.date_of_entry == today


def test_plan_versions_keep_earlier_ones_and_refuse_a_stale_editor(case, wuppertal_manager):
    first = services.save_support_plan(
        case, user=wuppertal_manager, expected_version=0, summary="Start", goals=GOALS
    )
    second = services.save_support_plan(
        case, user=wuppertal_manager, expected_version=1, summary="Nach Fallkonferenz", goals=GOALS
    )
    assert (first.version, second.version) == (1, 2)
    with pytest.raises(ValidationError, match="version 2"):
        services.save_support_plan(
            case, user=wuppertal_manager, expected_version=1, summary="überschreibt?", goals=GOALS
        )
    assert list(case.plans.values_list("summary", flat=True)) == ["Nach Fallkonferenz", "Start"]
    assert first.goals.get().steps.count() == 2


def test_transfer_takes_open_steps_and_lasts_the_configured_months(
    case, wuppertal_manager, diakonie, today, settings
):
    services.save_support_plan(
        case, user=wuppertal_manager, expected_version=0, summary="", goals=GOALS
    )
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    assert transfer.ends_on == date(2026, 9, 2)
    assert [t.text for t in transfer.tasks.all()] == ["Bewerbungsmappe erstellen"]
    assert transfer.state == TransferState.PENDING
    settings.CASEWORK_TRANSFER_MONTHS = 3
    services.decline_transfer(transfer, user=wuppertal_manager, today=today, reason="voll")
    again = services.create_transfer(
        case,
        partner=diakonie,
        user=wuppertal_manager,
        today=date(2026, 8, 31),
        consent_to_share=True,
        tasks=[],
    )
    assert again.ends_on == date(2026, 11, 30)


@pytest.mark.parametrize("problem", ["inactive", "no consent", "second open", "closed"])
def test_bad_transfers_are_refused_with_a_message(
    problem, case, wuppertal_manager, diakonie, gesa, today
):
    consent = problem != "no consent"
    if problem == "inactive":
        diakonie.active = False
        diakonie.save()
    if problem == "second open":
        services.create_transfer(
            case, partner=gesa, user=wuppertal_manager, today=today, consent_to_share=True
        )
    if problem == "closed":
        services.close_case(case, reason="moved_away", user=wuppertal_manager, today=today)
    with pytest.raises(ValidationError) as error:
        services.create_transfer(
            case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=consent
        )
    expected = {
        "inactive": "no longer active",
        "no consent": "consent",
        "second open": "already has an open transfer",
        "closed": "closed",
    }[problem]
    assert expected in str(error.value)


def test_accepting_schedules_exchanges_and_the_conference(case, wuppertal_manager, diakonie, today):
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    services.accept_transfer(transfer, user=wuppertal_manager, today=today)
    planned = list(transfer.exchanges.values_list("planned_for", flat=True))
    # every 6 weeks from 2 March, before the conference 2 weeks before 2 September
    assert planned == [date(2026, 4, 13), date(2026, 5, 25), date(2026, 7, 6), date(2026, 8, 17)]
    assert transfer.conference.due_on == date(2026, 8, 19)
    assert services.schedule_exchanges(transfer) == []  # idempotent
    with pytest.raises(ValidationError, match="already answered"):
        services.accept_transfer(transfer, user=wuppertal_manager, today=today)


def test_next_due_and_due_within_follow_the_clock(case, wuppertal_manager, diakonie, today):
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    services.accept_transfer(transfer, user=wuppertal_manager, today=today)
    assert Case.objects.get().next_due == date(2026, 4, 13)
    assert not Case.objects.due_within(7, today).exists()
    assert Case.objects.due_within(7, date(2026, 4, 7)).exists()
    assert Case.objects.overdue(date(2026, 4, 14)).exists()
    first = transfer.exchanges.first()
    services.record_exchange(first, user=wuppertal_manager, held_on=date(2026, 4, 14), notes="ok")
    assert Case.objects.get().next_due == date(2026, 5, 25)
    assert not Case.objects.overdue(date(2026, 4, 14)).exists()


def test_exchange_before_its_transfer_is_refused(case, wuppertal_manager, diakonie, today):
    transfer = services.create_transfer(
        case,
        partner=diakonie,
        user=wuppertal_manager,
        today=today,
        consent_to_share=True,
        tasks=[{"text": "Mappe", "due_on": None}],
    )
    services.accept_transfer(transfer, user=wuppertal_manager, today=today)
    exchange = transfer.exchanges.first()
    with pytest.raises(ValidationError, match="before its transfer"):
        services.record_exchange(
            exchange, user=wuppertal_manager, held_on=today - timedelta(days=1), notes=""
        )
    task = transfer.tasks.get()
    services.record_exchange(
        exchange,
        user=wuppertal_manager,
        held_on=today,
        notes="gut",
        progress={task.pk: ("under_way", "halb fertig")},
    )
    assert Exchange.objects.get(pk=exchange.pk).progress.get().progress == "under_way"


def test_conference_closing_makes_the_case_read_only_until_reopened(
    case, wuppertal_manager, diakonie, today
):
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    services.accept_transfer(transfer, user=wuppertal_manager, today=today)
    services.record_conference(
        transfer.conference,
        user=wuppertal_manager,
        held_on=date(2026, 8, 19),
        outcome="close",
        notes="",
        closing_reason="placed",
    )
    case.refresh_from_db()
    transfer.refresh_from_db()
    assert case.is_closed and transfer.state == TransferState.COMPLETED
    with pytest.raises(ValidationError, match="read-only"):
        services.update_case(case, user=wuppertal_manager, first_name="Neu")
    with pytest.raises(ValidationError, match="read-only"):
        services.save_support_plan(
            case, user=wuppertal_manager, expected_version=0, summary="", goals=GOALS
        )
    services.reopen_case(case, user=wuppertal_manager)
    services.update_case(case, user=wuppertal_manager, first_name="Neu")
    assert Case.objects.get().first_name == "Neu"


def test_every_change_is_logged_with_the_address(case, wuppertal_manager, rf):
    from wagtail.models import ModelLogEntry

    from casework import audit

    request = rf.get("/", REMOTE_ADDR="10.1.2.3")
    with audit.request_context(request):
        services.update_case(case, user=wuppertal_manager, nationality="Eritreisch")
    entry = ModelLogEntry.objects.for_instance(case).get()
    assert (entry.action, entry.user, entry.label) == (
        "casework.case.edit",
        wuppertal_manager,
        case.number,
    )
    assert entry.data == {"fields": ["nationality"], "ip": "10.1.2.3"}
