""" "My cases" and the case page keep a constant number of queries as cases and events grow."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from casework import services
from casework.models import Placement, Training
from tests.casework import factories

pytestmark = pytest.mark.django_db


def make_cases(manager, partner, count, today):
    for _index in range(count):
        case = factories.CaseFactory(case_manager=manager)
        transfer = services.create_transfer(
            case, partner=partner, user=manager, today=today, consent_to_share=True, tasks=[]
        )
        services.accept_transfer(transfer, user=manager, today=today)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("narrowed", ["", "partner", "due"])
def test_my_cases_query_count_does_not_grow_with_cases(
    client, wuppertal_manager, diakonie, today, django_assert_num_queries, narrowed
):
    """Also filtered: the partner filter pages without the rule-wise paginator."""
    client.force_login(wuppertal_manager)
    make_cases(wuppertal_manager, diakonie, 3, today)
    query = {"": "", "partner": f"?partner={diakonie.pk}", "due": "?due=week"}[narrowed]
    url = reverse("casework:index") + query
    queries(client, url)  # warm caches (content types, permissions)
    few = queries(client, url)
    make_cases(wuppertal_manager, diakonie, 27, today)
    with django_assert_num_queries(few):
        response = client.get(url)
    assert response.status_code == 200
    if narrowed == "partner":
        assert response.context["paginator"].count == 30


def add_events(case, manager, partner, today, count):
    transfer = case.transfers.first()
    for day in range(count):
        Training.objects.create(
            case=case, provider="Gesa", kind="health", starts_on=today + timedelta(days=day)
        )
        Placement.objects.create(
            case=case,
            kind="work",
            starts_on=today + timedelta(days=day),
            sector="Lager",
            recorded_by=manager,
        )
        transfer.tasks.create(text=f"Aufgabe {day}")
        services.save_support_plan(
            case,
            user=manager,
            expected_version=case.plans.count(),
            summary="",
            goals=[{"text": f"Ziel {day}", "steps": [{"what": "Schritt", "who": "TN"}]}],
        )


def test_case_page_query_count_does_not_grow_with_events(
    client, wuppertal_manager, diakonie, today, django_assert_num_queries
):
    client.force_login(wuppertal_manager)
    case = factories.CaseFactory(case_manager=wuppertal_manager)
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    services.accept_transfer(transfer, user=wuppertal_manager, today=today)
    add_events(case, wuppertal_manager, diakonie, today, 3)
    url = reverse("casework:case", args=[case.pk])
    queries(client, url)
    few = queries(client, url)
    add_events(case, wuppertal_manager, diakonie, today, 27)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200
