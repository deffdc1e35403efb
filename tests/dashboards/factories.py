"""A small hand-made set of cases whose figures are counted by hand in the tests."""

from datetime import date

import factory

from casework.models import Exchange, Placement, Transfer
from partners.models import City
from tests.casework.factories import CaseFactory, case_manager, partner

TODAY = date(2026, 3, 2)


def city(slug: str) -> City:
    return City.objects.sources().get(slug=slug)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    kind = "work"
    first_labour_market = True
    sector = "Metall"
    recorded_by = factory.LazyAttribute(lambda placement: placement.case.case_manager)


class TransferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transfer

    starts_on = date(2009, 4, 1)
    ends_on = factory.LazyAttribute(lambda transfer: date(transfer.starts_on.year + 1, 1, 1))
    state = "accepted"
    created_by = factory.LazyAttribute(lambda transfer: transfer.case.case_manager)


def small_programme():
    """Six participants (see the table in tests/dashboards/test_metrics.py)."""
    manager = case_manager("wuppertal", username="dash-manager")
    wuppertal, solingen = city("wuppertal"), city("solingen")
    diakonie = partner(name="Diakonie Wuppertal", slug="diakonie")
    gesa = partner(name="Gesa gGmbH", slug="gesa")

    def case(**kwargs):
        return CaseFactory(case_manager=manager, city=kwargs.pop("city", wuppertal), **kwargs)

    a = case(
        gender="female",
        date_of_birth=date(1990, 5, 17),
        date_of_entry=date(2009, 3, 10),
        status="closed",
        closing_reason="placed",
        closed_on=date(2009, 9, 30),
    )
    b = case(gender="male", date_of_birth=date(1984, 10, 1), date_of_entry=date(2009, 7, 15))
    c = case(
        gender="male",
        date_of_birth=date(1979, 1, 1),
        date_of_entry=date(2009, 1, 20),
        residence_status="humanitarian",
    )
    d = case(
        gender="female",
        date_of_birth=date(1969, 6, 1),
        date_of_entry=date(2010, 2, 1),
        city=solingen,
        status="closed",
        closing_reason="moved_away",
        closed_on=date(2010, 12, 31),
    )
    e = case(
        gender="not_stated", date_of_birth=None, date_of_entry=date(2011, 5, 5), residence_status=""
    )
    f = case(gender="male", date_of_birth=date(1950, 1, 1), date_of_entry=date(2009, 3, 1))

    PlacementFactory(case=a, starts_on=date(2009, 9, 1))
    PlacementFactory(case=b, kind="vocational_training", starts_on=date(2009, 10, 1))
    PlacementFactory(case=c, starts_on=date(2010, 1, 15), first_labour_market=False)
    PlacementFactory(case=f, starts_on=date(2009, 4, 1))
    PlacementFactory(case=f, starts_on=date(2010, 6, 1))

    to_diakonie = TransferFactory(
        case=a, partner=diakonie, starts_on=date(2009, 4, 1), state="completed"
    )
    TransferFactory(case=b, partner=gesa, starts_on=date(2009, 8, 1), state="accepted")
    TransferFactory(case=c, partner=diakonie, starts_on=date(2009, 2, 1), state="declined")
    TransferFactory(case=c, partner=gesa, starts_on=date(2009, 3, 1), state="completed")
    Exchange.objects.create(
        transfer=to_diakonie, planned_for=date(2009, 5, 15), held_on=date(2009, 5, 15)
    )
    Exchange.objects.create(transfer=to_diakonie, planned_for=date(2009, 7, 1))
    Exchange.objects.create(transfer=Transfer.objects.get(case=b), planned_for=date(2026, 6, 1))
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "diakonie": diakonie, "gesa": gesa}
