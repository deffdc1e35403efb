"""The filters of "My cases": status, city, partner, due."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from partners.models import City, PartnerOrganisation

from .models import Case, CaseStatus, Transfer
from .models.transfers import OPEN_STATES

DUE_CHOICES = [
    ("overdue", _("overdue")),
    ("week", _("due this week or overdue")),
    ("month", _("due within 4 weeks or overdue")),
]
DUE_DAYS = {"week": 7, "month": 28}


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=CaseStatus.choices)
    city = django_filters.ModelChoiceFilter(label=_("city"), queryset=City.objects.sources())
    partner = django_filters.ModelChoiceFilter(
        label=_("partner organisation"),
        queryset=PartnerOrganisation.objects.sources(),
        method="filter_partner",
    )
    due = django_filters.ChoiceFilter(label=_("due"), choices=DUE_CHOICES, method="filter_due")

    class Meta:
        model = Case
        fields = ["status", "city"]

    def filter_partner(self, queryset, name, value):
        """Cases whose open transfer (waiting or accepted) is with ``value``: the few open
        transfers first (an index on partner and state), not a look for each case."""
        transfers = Transfer.objects.filter(partner=value, state__in=OPEN_STATES)
        return queryset.filter(pk__in=transfers.values("case_id"))

    def filter_due(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.open().filter(next_due__lt=today)
        return queryset.open().filter(next_due__lte=today + timedelta(days=DUE_DAYS[value]))
