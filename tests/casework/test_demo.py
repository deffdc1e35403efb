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


def test_generated_cases_top_up_to_the_number_wanted_and_follow_the_rules(today):
    from datetime import date

    from django.db.models import Count, F, Q

    from casework import demo_bulk, services
    from casework.models import CaseConference, Exchange, Placement, SupportPlan
    from casework.next_due import refresh_next_due
    from partners.models import City

    load_demo()
    added = demo_bulk.generate(60, today=today, write=lambda line: None)
    assert added["cases"] == 60 and added["plans"] == 60
    assert demo_bulk.generate(60, today=today, write=lambda line: None) == {}
    assert demo_bulk.generate(70, today=today, write=lambda line: None)["cases"] == 10
    generated = Case.objects.filter(case_manager__username=demo_bulk.GENERATOR_USERNAME)
    assert generated.count() == 70
    stored = dict(generated.values_list("pk", "next_due"))  # bulk_create sends no signals ...
    refresh_next_due()
    assert dict(generated.values_list("pk", "next_due")) == stored  # ... but it was kept
    assert any(stored.values())
    assert set(generated.values_list("city__slug", flat=True)) == {
        "wuppertal",
        "solingen",
        "remscheid",
    }
    assert generated.filter(date_of_entry__lt=date(2008, 10, 1)).count() == 0
    assert generated.filter(date_of_entry__gt=today).count() == 0
    assert SupportPlan.objects.filter(case__in=generated).count() == 70
    assert Transfer.objects.filter(case__in=generated).exists()
    assert Exchange.objects.filter(transfer__case__in=generated).exists()
    assert CaseConference.objects.filter(case__in=generated).exists()
    assert Placement.objects.filter(case__in=generated).exists()
    two_open = generated.annotate(
        open=Count("transfers", filter=Q(transfers__state__in=["pending", "accepted"]))
    ).filter(open__gt=1)
    assert not two_open.exists()
    assert not Exchange.objects.filter(
        transfer__case__in=generated, planned_for__lt=F("transfer__starts_on")
    ).exists()
    assert not generated.filter(status="open", closed_on__isnull=False).exists()
    # the counters moved on: a case opened now gets a fresh number
    wuppertal = City.objects.sources().get(slug="wuppertal")
    year = generated.filter(city=wuppertal).values_list("date_of_entry__year", flat=True).first()
    manager = get_user_model().objects.get(username="fallmanagement")
    fresh = services.open_case(
        manager=manager, city=wuppertal, today=date(year, 6, 1), first_name="A", last_name="B"
    )
    assert Case.objects.filter(number=fresh.number).count() == 1
