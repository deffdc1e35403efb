"""Who sees which case: the one rule in ``Case.objects.visible_to`` and its helpers."""

import pytest

from casework import services
from casework.models import Case, EmployabilityCheck, SupportPlan, Transfer
from tests.casework import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(case, wuppertal_manager, diakonie, gesa, today):
    """One Wuppertal case transferred to and accepted by Diakonie, one Solingen case."""
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    services.accept_transfer(transfer, user=factories.caseworker(diakonie), today=today)
    solingen_manager = factories.case_manager("solingen", username="sol")
    solingen_case = factories.CaseFactory(
        case_manager=solingen_manager, city=solingen_manager.case_manager_profile.city
    )
    EmployabilityCheck.objects.create(
        case=case, checked_on=today, health_restrictions="Rücken", result="restricted"
    )
    services.save_support_plan(
        case, user=wuppertal_manager, expected_version=0, summary="", goals=[{"text": "Arbeit"}]
    )
    return {"wuppertal": case, "solingen": solingen_case, "solingen_manager": solingen_manager}


def visible(user):
    return set(Case.objects.visible_to(user).values_list("number", flat=True))


def test_case_managers_see_their_city_and_their_own(world, wuppertal_manager):
    wup, sol = world["wuppertal"].number, world["solingen"].number
    assert visible(wuppertal_manager) == {wup}
    assert visible(world["solingen_manager"]) == {sol}
    colleague = factories.case_manager("wuppertal", username="kollegin")
    assert visible(colleague) == {wup}
    no_city = UserFactory(role="Case managers")
    own = factories.CaseFactory(case_manager=no_city, city=world["solingen"].city)
    assert visible(no_city) == {own.number}


def test_partners_see_accepted_transfers_to_their_organisation_only(world, diakonie, gesa):
    assert visible(factories.caseworker(diakonie)) == {world["wuppertal"].number}
    assert visible(factories.caseworker(gesa)) == set()
    without_membership = UserFactory(role="Partner caseworkers")
    assert visible(without_membership) == set()


def test_pending_transfer_is_in_the_inbox_but_the_case_is_not_visible(
    world, gesa, wuppertal_manager, today
):
    other = factories.CaseFactory(case_manager=wuppertal_manager)
    transfer = services.create_transfer(
        other, partner=gesa, user=wuppertal_manager, today=today, consent_to_share=True
    )
    gesa_worker = factories.caseworker(gesa)
    assert list(Transfer.objects.visible_to(gesa_worker)) == [transfer]
    assert visible(gesa_worker) == set()


@pytest.mark.parametrize("role", [None, "Programme administrators", "Editors", "Moderators"])
def test_other_roles_and_superusers_see_nothing(world, role):
    assert visible(UserFactory(role=role)) == set()
    assert visible(UserFactory(is_superuser=True, is_staff=True)) == set()


def test_health_data_is_for_case_managers_only(world, wuppertal_manager, diakonie):
    partner_user = factories.caseworker(diakonie)
    assert EmployabilityCheck.objects.visible_to(wuppertal_manager).count() == 1
    assert EmployabilityCheck.objects.visible_to(partner_user).count() == 0
    assert SupportPlan.objects.visible_to(partner_user).count() == 1
    assert SupportPlan.objects.visible_to(world["solingen_manager"]).count() == 0


def test_inactive_users_see_nothing(world, wuppertal_manager):
    wuppertal_manager.is_active = False
    assert visible(wuppertal_manager) == set()
