"""Django forms generated from a wizard page's steps, one per step, applying the conditions."""

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .conditions import condition_met
from .registry import FieldType, get_field_type

HONEYPOT = "website_url"


@dataclass
class FieldSpec:
    """One item of a step: an input field or explanatory text."""

    key: str
    type_name: str
    value: Any
    condition: dict

    @property
    def field_type(self) -> FieldType:
        return get_field_type(self.type_name)

    @property
    def has_input(self) -> bool:
        return self.field_type.has_input

    @property
    def label(self) -> str:
        return self.value.get("label") or ""


@dataclass
class StepSpec:
    key: str
    value: Any
    condition: dict
    items: list[FieldSpec] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.value.get("title") or ""

    @property
    def intro(self) -> str:
        return self.value.get("intro") or ""

    @property
    def inputs(self) -> list[FieldSpec]:
        return [item for item in self.items if item.has_input]


def as_condition(value) -> dict:
    return dict(value or {})


def build_specs(steps) -> list[StepSpec]:
    """The steps of a StreamValue as specs; blocks of unknown types are skipped."""
    specs = []
    for step in steps:
        spec = StepSpec(step.value["key"], step.value, as_condition(step.value.get("condition")))
        for index, child in enumerate(step.value["fields"]):
            key = child.value.get("key") or f"_text_{index}"
            spec.items.append(
                FieldSpec(
                    key, child.block_type, child.value, as_condition(child.value["condition"])
                )
            )
        specs.append(spec)
    return specs


class StepForm(forms.Form):
    """A step's fields. Conditions are applied in ``clean``: a hidden field's value is discarded and
    it is never required; a shown field is required when the administrator said so."""

    spec: StepSpec
    use_required_attribute = False  # "Save draft" must submit incomplete steps

    def __init__(self, *args, prior_answers=None, honeypot: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.prior_answers = dict(prior_answers or {})
        self.answers: dict[str, Any] = {}
        if honeypot:
            # a field people never see and bots fill in; cheaper than asking which forms are public
            self.fields[HONEYPOT] = forms.CharField(
                required=False, label=_("Leave this field empty")
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.cleaned_data.get(HONEYPOT):
            raise forms.ValidationError(_("Your entry could not be accepted."), code="honeypot")
        answers = dict(self.prior_answers)
        for item in self.spec.inputs:
            if not condition_met(item.condition, answers):
                cleaned.pop(item.key, None)
                if self._errors:
                    self._errors.pop(item.key, None)
                answers[item.key] = None
                continue
            if item.key in self._errors:
                continue
            value = cleaned.get(item.key)
            empty = (
                value is None
                or value == ""
                or value == []
                or (isinstance(self.fields[item.key], forms.BooleanField) and not value)
            )
            if item.value.get("required") and empty:
                self.add_error(item.key, forms.Field.default_error_messages["required"])
                continue
            answers[item.key] = item.field_type.to_json(value)
            if not item.field_type.is_file:
                self.answers[item.key] = answers[item.key]
        return cleaned

    def items(self) -> list[dict]:
        """What the template shows, in order, with each field's visibility right now."""
        current = dict(self.prior_answers)
        keys_here = {item.key for item in self.spec.inputs}
        shown_items = []
        for item in self.spec.items:
            shown = condition_met(item.condition, current)
            if item.has_input:
                current[item.key] = self[item.key].value() if shown else None
            dependency = item.condition.get("field")
            shown_items.append(
                {
                    "spec": item,
                    "field": self[item.key] if item.has_input else None,
                    "shown": shown,
                    "client_side": bool(dependency) and dependency in keys_here,
                    "values": item.condition.get("values", "").splitlines(),
                    "heading": (item.value.get("heading") or "") if not item.has_input else "",
                    "text": (item.value.get("text") or "") if not item.has_input else "",
                }
            )
        return shown_items


def build_form_class(spec: StepSpec) -> type[StepForm]:
    """A StepForm subclass with one field per input; conditional fields are optional to Django."""
    attrs: dict[str, Any] = {"spec": spec}
    for item in spec.inputs:
        form_field = item.field_type.form_field(item.value)
        if item.condition.get("field") or item.field_type.is_group:
            form_field.required = False
        attrs[item.key] = form_field
    return type(f"Step_{spec.key}", (StepForm,), attrs)
