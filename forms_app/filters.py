"""The submissions listing's filters (django-filter, in Wagtail's filter panel)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

import django_filters

from .models import FormSubmission


class SubmissionFilterSet(WagtailFilterSet):
    # A range on the column itself (not ``__date``), so the database uses its index: the day
    # "to" is included up to its last microsecond, in the site's time zone.
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted"), widget=DateRangePickerWidget
    )
    submitted_by = django_filters.CharFilter(
        field_name="submitted_by__username",
        lookup_expr="icontains",
        label=_("Submitted by (username)"),
    )

    class Meta:
        model = FormSubmission
        fields = ["submitted_at", "submitted_by"]
