""" "My cases": search by number and name, the filters, and the partner's pseudonymous list."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from casework import services
from tests.casework import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(wuppertal_manager, diakonie, gesa):
    today = timezone.localdate()
    overdue = factories.CaseFactory(case_manager=wuppertal_manager, last_name="Überfällig")
    transfer = services.create_transfer(
        overdue,
        partner=diakonie,
        user=wuppertal_manager,
        today=today - timedelta(weeks=8),
        starts_on=today - timedelta(weeks=8),
        consent_to_share=True,
    )
    services.accept_transfer(transfer, user=wuppertal_manager, today=today)
    with_gesa = factories.CaseFactory(case_manager=wuppertal_manager, last_name="Gesafall")
    services.create_transfer(
        with_gesa, partner=gesa, user=wuppertal_manager, today=today, consent_to_share=True
    )
    closed = factories.CaseFactory(case_manager=wuppertal_manager, last_name="Zu")
    services.close_case(closed, reason="moved_away", user=wuppertal_manager, today=today)
    return {"overdue": overdue, "gesa": with_gesa, "closed": closed}


def listed(client, **params) -> set[str]:
    response = client.get(reverse("casework:index"), params)
    assert response.status_code == 200
    return {case.number for case in response.context["object_list"]}


def test_filters_and_search(client, wuppertal_manager, cases, diakonie, gesa):
    client.force_login(wuppertal_manager)
    numbers = {key: case.number for key, case in cases.items()}
    assert listed(client) == set(numbers.values())
    assert listed(client, status="closed") == {numbers["closed"]}
    assert listed(client, partner=gesa.pk) == {numbers["gesa"]}
    assert listed(client, due="overdue") == {numbers["overdue"]}
    assert listed(client, q="Gesafall") == {numbers["gesa"]}
    assert listed(client, q=numbers["closed"]) == {numbers["closed"]}
    ordered = client.get(reverse("casework:index"), {"ordering": "next_due"})
    assert ordered.context["object_list"][0].number == numbers["overdue"]


def test_partners_list_shows_numbers_not_names(client, cases, diakonie):
    client.force_login(factories.caseworker(diakonie))
    response = client.get(reverse("casework:index"))
    page = response.content.decode()
    assert cases["overdue"].number in page
    assert "Überfällig" not in page
    assert cases["gesa"].number not in page
