"""Synthetic partners for the tests; contact data uses example.org and 555 numbers."""

import factory

from partners.models import City, PartnerOrganisation, Service


class PartnerFactory(factory.django.DjangoModelFactory):
    """An unpublished partner; ``publish=True`` publishes it (the state the public sees)."""

    class Meta:
        model = PartnerOrganisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partner {n} gGmbH")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    kind = "non_profit"
    description = "Beschreibung auf Deutsch"
    network_role = "Jobcoaching"
    street_address = factory.Sequence(lambda n: f"Beispielweg {n}")
    postal_code = "42103"
    town = "Wuppertal"
    phone = factory.Sequence(lambda n: f"0202 555-{n:04d}")
    email = factory.Sequence(lambda n: f"partner{n}@example.org")
    live = False

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if create and extracted:
            self.services.set(
                Service.objects.filter(slug__in=extracted, locale__language_code="de")
            )

    @factory.post_generation
    def cities(self, create, extracted, **kwargs):
        if create and extracted:
            self.cities.set(City.objects.filter(slug__in=extracted, locale__language_code="de"))

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        self.save()
        if create and extracted:
            self.save_revision().publish()
            self.refresh_from_db()
