"""Synthetic cases for the tests: names from Faker's German locale, none a real person."""

from datetime import date

import factory

from casework.models import Case, CaseManagerProfile
from partners.models import City, PartnerMembership
from tests.factories import UserFactory
from tests.partners.factories import PartnerFactory

TODAY = date(2026, 3, 2)


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    number = factory.Sequence(lambda n: f"TST-2026-{n:04d}")
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    date_of_birth = date(1990, 5, 17)
    gender = "female"
    nationality = "Syrisch"
    residence_status = "tolerated"
    city = factory.LazyFunction(lambda: City.objects.sources().get(slug="wuppertal"))
    date_of_entry = TODAY
    case_manager = factory.SubFactory(UserFactory, role="Case managers")


def case_manager(city_slug="wuppertal", **kwargs):
    user = UserFactory(role="Case managers", **kwargs)
    CaseManagerProfile.objects.create(user=user, city=City.objects.sources().get(slug=city_slug))
    return user


def caseworker(partner, **kwargs):
    user = UserFactory(role="Partner caseworkers", **kwargs)
    PartnerMembership.objects.create(user=user, partner=partner)
    return user


def partner(**kwargs):
    return PartnerFactory(publish=True, **kwargs)
