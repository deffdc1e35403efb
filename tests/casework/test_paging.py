""" "My cases" is counted and paged one visibility rule at a time (``casework.paging``): the
pages and the count are the plain query's, for rules that overlap and for every ordering."""

from datetime import timedelta

from django.db.models import F
from django.urls import reverse

import pytest

from casework import services
from casework.models import Case
from partners.models import City
from tests.casework import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_cases(wuppertal_manager, today):
    """42 cases the manager sees (the city's; their own in the city and in Solingen), 5 not."""
    solingen = City.objects.sources().get(slug="solingen")
    colleague = factories.case_manager("wuppertal", username="colleague")
    made = [
        *factories.CaseFactory.create_batch(20, case_manager=colleague),
        *factories.CaseFactory.create_batch(12, case_manager=wuppertal_manager),
        *factories.CaseFactory.create_batch(10, case_manager=wuppertal_manager, city=solingen),
        *factories.CaseFactory.create_batch(5, case_manager=colleague, city=solingen),
    ]
    for index, case in enumerate(made):
        if index % 3:  # a third with nothing due; many sharing a date
            due = today + timedelta(days=index % 7 - 3)
            Case.objects.filter(pk=case.pk).update(next_due=due)
        if index % 4 == 0:
            Case.objects.filter(pk=case.pk).update(status="closed")
    return made


def all_pages(client, **params) -> tuple[list[str], int]:
    numbers, page = [], 1
    while True:
        response = client.get(reverse("casework:index"), {**params, "p": page})
        assert response.status_code == 200
        numbers += [case.number for case in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            return numbers, response.context["paginator"].count
        page += 1


def plain_order(ordering: str) -> list:
    if ordering.lstrip("-") == "next_due":
        field = F("next_due")
        direction = field.desc if ordering.startswith("-") else field.asc
        return [direction(nulls_last=True), "number", "pk"]
    return [ordering, "pk"]


@pytest.mark.parametrize("ordering", ["next_due", "-next_due", "number", "-last_name", "status"])
def test_pages_and_count_are_the_plain_querys(client, wuppertal_manager, many_cases, ordering):
    client.force_login(wuppertal_manager)
    numbers, count = all_pages(client, ordering=ordering)
    visible = Case.objects.visible_to(wuppertal_manager)
    assert count == visible.count() == len(numbers) == len(set(numbers)) == 42
    assert numbers == list(
        visible.order_by(*plain_order(ordering)).values_list("number", flat=True)
    )


def open_ones(cases) -> list[Case]:
    return [case for case in cases if Case.objects.get(pk=case.pk).status == "open"]


def test_filters_count_and_page_alike(client, wuppertal_manager, many_cases, diakonie, today):
    transferred = open_ones(many_cases[15:25])  # the city's, own in the city
    for case in transferred:
        services.create_transfer(
            case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
        )
    client.force_login(wuppertal_manager)
    visible = Case.objects.visible_to(wuppertal_manager)
    open_due = visible.filter(status="open", next_due__lte=today + timedelta(days=7))
    numbers, count = all_pages(client, due="week")
    assert numbers == list(
        open_due.order_by(*plain_order("next_due")).values_list("number", flat=True)
    )
    assert count == open_due.count() > 0
    numbers, count = all_pages(client, partner=diakonie.pk)
    assert sorted(numbers) == sorted(case.number for case in transferred)
    assert count == len(transferred) == 7


def test_a_partner_pages_its_accepted_cases(client, wuppertal_manager, many_cases, diakonie, today):
    accepted = open_ones(many_cases[:4])
    for case in accepted:
        transfer = services.create_transfer(
            case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
        )
        services.accept_transfer(transfer, user=wuppertal_manager, today=today)
    client.force_login(factories.caseworker(diakonie))
    numbers, count = all_pages(client)
    assert sorted(numbers) == sorted(case.number for case in accepted) and count == 3
