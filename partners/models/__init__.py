"""The partner directory's models: the editable vocabularies and the partner organisations."""

from .membership import PartnerMembership
from .pages import PartnerDirectoryPage
from .partners import ContactPerson, PartnerOrganisation, PartnerOrganisationQuerySet
from .vocabularies import City, Language, Service, TargetGroup

__all__ = [
    "City",
    "ContactPerson",
    "Language",
    "PartnerDirectoryPage",
    "PartnerMembership",
    "PartnerOrganisation",
    "PartnerOrganisationQuerySet",
    "Service",
    "TargetGroup",
]
