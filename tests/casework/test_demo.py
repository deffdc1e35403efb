"""The casework demo: synthetic cases at every step, idempotent, visible to the demo logins."""

from io import StringIO
from types import SimpleNamespace

from django.contrib.auth import get_user_model

import pytest

from casework import demo
from casework.models import Case, Transfer, TransferState

pytestmark = pytest.mark.django_db


def load_demo() -> None:
    from partners import demo as partners_demo
    from website import demo as website_demo

    website_demo.load_home_pages()
    website_demo.load_users()
    partners_demo.load(SimpleNamespace(stdout=StringIO()))
    demo.load(SimpleNamespace(stdout=StringIO()))


def test_demo_cases_load_once_and_follow_the_access_rules():
    load_demo()
    counts = (Case.objects.count(), Transfer.objects.count())
    load_demo()
    assert (Case.objects.count(), Transfer.objects.count()) == counts == (len(demo.PEOPLE), 4)
    users = get_user_model().objects
    manager, partner = users.get(username="fallmanagement"), users.get(username="partner")
    assert set(Case.objects.visible_to(manager).values_list("city__slug", flat=True)) >= {
        "wuppertal"
    }
    assert set(Case.objects.visible_to(partner).values_list("last_name", flat=True)) == {
        "Haddad",
        "Tesfaye",
    }
    assert Transfer.objects.waiting_for(partner.partner_membership.partner_id).count() == 1
    assert Case.objects.closed().count() == 1
    assert not Case.objects.visible_to(users.get(username="programm")).exists()
    assert Transfer.objects.filter(state=TransferState.ACCEPTED).count() == 3
