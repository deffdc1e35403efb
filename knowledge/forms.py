"""The knowledge index's filter form: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .listing import EntryFilters


class EntryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, choices: dict[str, list], **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["theme"].choices = anything + [(t.slug, t.name) for t in choices["themes"]]
        self.fields["city"].choices = anything + [(c, c) for c in choices["cities"]]
        self.fields["country"].choices = anything + [(c, c) for c in choices["countries"]]

    def entry_filters(self) -> EntryFilters:
        """The filters asked for; a value not on offer (e.g. an old link) is ignored."""
        if not self.is_bound:
            return EntryFilters()
        self.is_valid()
        data = self.cleaned_data
        return EntryFilters(
            theme=data.get("theme", ""),
            city=data.get("city", ""),
            country=data.get("country", ""),
            query=data.get("q", "").strip(),
        )
