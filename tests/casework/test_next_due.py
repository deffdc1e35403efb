"""``Case.next_due`` is stored; every way an exchange or conference changes keeps it right."""

from datetime import date

import pytest

from casework import services
from casework.models import Case, CaseConference, Exchange
from casework.next_due import refresh_next_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(case, wuppertal_manager, diakonie, today):
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    services.accept_transfer(transfer, user=wuppertal_manager, today=today)
    return transfer


def stored(case) -> date | None:
    return Case.objects.values_list("next_due", flat=True).get(pk=case.pk)


def test_a_new_case_has_nothing_due(case):
    assert stored(case) is None


def test_deleting_and_editing_exchanges_outside_the_services_keeps_it(case, accepted):
    first, second = accepted.exchanges.order_by("planned_for")[:2]
    assert stored(case) == first.planned_for
    first.delete()  # e.g. in the admin: a signal, no service
    assert stored(case) == second.planned_for
    second.planned_for = date(2026, 4, 1)
    second.save()
    assert stored(case) == date(2026, 4, 1)


def test_the_conference_counts_when_no_exchange_is_left(case, accepted):
    Exchange.objects.filter(transfer=accepted).delete()  # a queryset delete sends signals too
    conference = CaseConference.objects.get(transfer=accepted)
    assert stored(case) == conference.due_on
    conference.delete()
    assert stored(case) is None


def test_refresh_repairs_what_update_left_behind(case, accepted):
    Case.objects.filter(pk=case.pk).update(next_due=None)  # update() sends no signal
    assert refresh_next_due([case.pk]) == 1
    assert stored(case) == accepted.exchanges.order_by("planned_for").first().planned_for
