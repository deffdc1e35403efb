"""``/api/v2/partners/``: the published, active partners with their public fields only."""

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet

from .models import PartnerOrganisation


class PartnersAPIViewSet(BaseAPIViewSet):
    model = PartnerOrganisation
    name = "partners"
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    body_fields = [*BaseAPIViewSet.body_fields]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name",
        "short_name",
        "slug",
        "kind",
        "services",
        "cities",
    ]

    def get_queryset(self):
        return (
            PartnerOrganisation.objects.public()
            .with_vocabularies()
            .prefetch_related("contact_persons")
            .order_by("id")
        )
