"""``/api/v2/partners/``: the published, active partners with their public fields only.

``?locale=<code>`` lists each partner once, in that language where it is translated (else in the
source language), its lists named in that language. Without it the listing is the source
language's; a detail (``/api/v2/partners/<id>/``) is in the language of that row.
"""

from django.shortcuts import get_object_or_404

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from website.api_search import CheckedSearchFilter

from .models import PartnerOrganisation


class PartnersAPIViewSet(BaseAPIViewSet):
    model = PartnerOrganisation
    name = "partners"
    filter_backends = [FieldsFilter, OrderingFilter, CheckedSearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    body_fields = [*BaseAPIViewSet.body_fields]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "locale",
        "name",
        "short_name",
        "slug",
        "kind",
        "services",
        "cities",
    ]

    def requested_locale(self) -> Locale:
        code = self.request.GET.get("locale")
        if code:
            return get_object_or_404(Locale, language_code=code)
        if "pk" in self.kwargs:
            row = PartnerOrganisation.objects.filter(pk=self.kwargs["pk"]).first()
            if row is not None:
                return row.locale
        return Locale.get_default()

    def get_queryset(self):
        locale = self.requested_locale()
        partners = PartnerOrganisation.objects.public()
        if "pk" not in self.kwargs:
            partners = partners.in_locale(locale)
        return partners.with_vocabularies(locale).prefetch_related("contact_persons").order_by("id")
