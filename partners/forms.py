"""The directory's filter form: plain GET parameters, so it works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.spreadsheets import UploadForm

from .models import City, Language, PartnerOrganisationQuerySet, Service, TargetGroup


class VocabularyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    service = VocabularyChoiceField(
        Service.objects.all(),
        label=_("Service"),
        to_field_name="slug",
        required=False,
        empty_label=_("All services"),
    )
    city = VocabularyChoiceField(
        City.objects.all(),
        label=_("City"),
        to_field_name="slug",
        required=False,
        empty_label=_("All cities"),
    )
    language = VocabularyChoiceField(
        Language.objects.all(),
        label=_("Language"),
        to_field_name="slug",
        required=False,
        empty_label=_("All languages"),
    )
    target_group = VocabularyChoiceField(
        TargetGroup.objects.all(),
        label=_("Target group"),
        to_field_name="slug",
        required=False,
        empty_label=_("All target groups"),
    )

    def __init__(self, *args, **kwargs):
        """Offer each list in the active language (its slugs are the same in every one)."""
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, VocabularyChoiceField):
                field.queryset = field.queryset.model.objects.in_locale()

    def filter(self, partners: PartnerOrganisationQuerySet) -> PartnerOrganisationQuerySet:
        """Narrow ``partners`` by the chosen filters; an unknown value matches nothing."""
        if not self.is_bound:
            return partners
        if not self.is_valid():
            return partners.none()
        data = self.cleaned_data
        if data["service"]:
            partners = partners.offering(data["service"])
        if data["city"]:
            partners = partners.in_city(data["city"])
        if data["language"]:
            partners = partners.speaking(data["language"])
        if data["target_group"]:
            partners = partners.serving(data["target_group"])
        if data["q"]:
            partners = partners.matching(data["q"])
        return partners.distinct()

    def is_filtered(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())


class PartnerImportForm(UploadForm):
    def limits(self) -> tuple[int, int]:
        from django.conf import settings

        return settings.PARTNERS_IMPORT_MAX_BYTES, settings.PARTNERS_IMPORT_MAX_ROWS
