"""The forms staff fill on a case; each hands clean data to a function in ``services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput

from partners.models import PartnerOrganisation

from .models import (
    Case,
    ClosingReason,
    ConferenceOutcome,
    EmployabilityCheck,
    Placement,
    StepStatus,
    TaskProgress,
    Training,
)

DATE = {"widget": AdminDateInput}


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "first_name",
            "last_name",
            "date_of_birth",
            "gender",
            "nationality",
            "languages",
            "residence_status",
            "city",
            "date_of_entry",
        ]
        widgets = {
            "date_of_birth": AdminDateInput,
            "date_of_entry": AdminDateInput,
            "languages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        """Choices are the vocabularies' source rows (relations point at them), named in the
        current language."""
        super().__init__(*args, **kwargs)
        for name in ("languages", "city"):
            field = self.fields[name]
            # one query for all choices and their names, not one per choice
            field.queryset = field.queryset.model.objects.sources().with_localized("name")
            field.label_from_instance = lambda item: item.localized_name


class StepForm(forms.Form):
    """One row of the plan: the goal it serves and the step (what, who, by when, status)."""

    goal = forms.CharField(label=_("goal"), max_length=300, required=False)
    what = forms.CharField(label=_("what"), max_length=300, required=False)
    who = forms.CharField(label=_("who"), max_length=150, required=False)
    due_on = forms.DateField(label=_("by when"), required=False, **DATE)
    status = forms.ChoiceField(label=_("status"), choices=StepStatus.choices, required=False)


StepFormSet = forms.formset_factory(StepForm, extra=3)


class PlanForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    summary = forms.CharField(
        label=_("situation and aims"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


def goals_from_rows(rows: list[dict]) -> list[dict]:
    """Group the plan's rows into goals, in order of first appearance."""
    goals: dict[str, dict] = {}
    for row in rows:
        goal_text = (row.get("goal") or "").strip()
        if not goal_text:
            continue
        goal = goals.setdefault(goal_text, {"text": goal_text, "steps": []})
        if row.get("what"):
            goal["steps"].append(row)
    return list(goals.values())


class TransferForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("partner organisation"), queryset=PartnerOrganisation.objects.none()
    )
    starts_on = forms.DateField(label=_("period from"), **DATE)
    consent_to_share = forms.BooleanField(
        label=_("The person has consented to sharing their data with this partner"),
        required=False,
    )
    note_for_partner = forms.CharField(
        label=_("note for the partner"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Inactive partners are offered too, so that choosing one is refused with a reason
        # rather than silently missing; the service refuses them.
        self.fields["partner"].queryset = PartnerOrganisation.objects.sources().order_by(
            "-active", "name"
        )


class TaskForm(forms.Form):
    text = forms.CharField(label=_("task"), max_length=300, required=False)
    due_on = forms.DateField(label=_("by when"), required=False, **DATE)


TaskFormSet = forms.formset_factory(TaskForm, extra=2)


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("reason (required when declining)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class ExchangeForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), **DATE)
    notes = forms.CharField(label=_("notes"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, tasks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks = list(tasks)
        for task in self.tasks:
            self.fields[f"progress_{task.pk}"] = forms.ChoiceField(
                label=task.text, choices=TaskProgress.choices, initial=TaskProgress.UNDER_WAY
            )

    def progress(self) -> dict:
        return {task.pk: (self.cleaned_data[f"progress_{task.pk}"], "") for task in self.tasks}


class ConferenceForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), **DATE)
    outcome = forms.ChoiceField(label=_("outcome"), choices=ConferenceOutcome.choices)
    closing_reason = forms.ChoiceField(
        label=_("closing reason (when closing)"),
        choices=[("", "—"), *ClosingReason.choices],
        required=False,
    )
    notes = forms.CharField(
        label=_("current state and next steps"), widget=forms.Textarea(attrs={"rows": 4})
    )


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("closing reason"), choices=ClosingReason.choices)


class EmployabilityForm(forms.ModelForm):
    class Meta:
        model = EmployabilityCheck
        fields = ["checked_on", "health_restrictions", "result", "shared_summary", "share_summary"]
        widgets = {"checked_on": AdminDateInput}


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = ["provider", "kind", "starts_on", "ends_on", "status"]
        widgets = {"starts_on": AdminDateInput, "ends_on": AdminDateInput}


class PlacementForm(forms.ModelForm):
    class Meta:
        model = Placement
        fields = ["kind", "first_labour_market", "starts_on", "sector", "hours_per_week"]
        widgets = {"starts_on": AdminDateInput}
