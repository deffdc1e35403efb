"""Two transactions changing the same case at once both reach the kept counts (PostgreSQL: SQLite
lets one writer in at a time, so the question does not arise there)."""

import threading
from datetime import date

from django.db import connection, connections, transaction

import pytest

from casework.models import Case
from tests.casework.factories import CaseFactory, case_manager
from tests.dashboards.factories import PlacementFactory
from tests.dashboards.test_kept_counts import assert_counts_match_records

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL"),
]


def test_two_placements_for_one_case_at_once_are_both_counted():
    manager = case_manager("wuppertal", username="concurrent-manager")
    case = CaseFactory(case_manager=manager, date_of_entry=date(2020, 1, 10))
    first_refreshed, errors = threading.Event(), []

    def first():
        try:
            with transaction.atomic():
                PlacementFactory(case=Case.objects.get(pk=case.pk), starts_on=date(2020, 6, 1))
                first_refreshed.set()  # its counts are written but not committed ...
                threading.Event().wait(0.5)  # ... while the second writer starts
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    def second():
        try:
            first_refreshed.wait(5)
            with transaction.atomic():
                PlacementFactory(case=Case.objects.get(pk=case.pk), starts_on=date(2020, 3, 1))
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert case.placements.count() == 2
    assert_counts_match_records()
