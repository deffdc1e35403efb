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


def uses_fieldset(form_field: forms.Field) -> bool:
    """Whether the field is a group of inputs (radio buttons, checkboxes, rows) under one legend."""
    return bool(getattr(form_field.widget, "use_fieldset", False))


class StepForm(forms.Form):
    """A step's fields. Conditions are applied in ``clean``: a hidden field's value is discarded and
    it is never required; a shown field is required when the administrator said so.

    Django's own ``required`` attribute follows ``Field.required``, which is False for every
    conditional field (it is checked in ``clean``), so the form marks the fields the administrator
    made required itself: ``required`` and ``aria-required``. The page's ``<form novalidate>``
    keeps the browser from blocking "Back" and "Save draft" on an incomplete step."""

    spec: StepSpec
    use_required_attribute = False

    def __init__(self, *args, prior_answers=None, honeypot: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.prior_answers = dict(prior_answers or {})
        self.answers: dict[str, Any] = {}
        for item in self.spec.inputs:
            self.describe_input(item)
        if honeypot:
            # a field people never see and bots fill in; cheaper than asking which forms are public
            self.fields[HONEYPOT] = forms.CharField(
                required=False, label=_("Leave this field empty")
            )

    def describe_input(self, item: FieldSpec) -> None:
        """Put the field's purpose and whether it is required on its inputs."""
        widget = self.fields[item.key].widget
        token = item.field_type.autocomplete(item.value)
        if token:
            widget.attrs.setdefault("autocomplete", token)
        if not item.value.get("required"):
            return
        if not uses_fieldset(self.fields[item.key]):
            widget.attrs.update({"required": True, "aria-required": "true"})
        elif getattr(widget, "input_type", "") == "radio":
            widget.attrs["required"] = True  # one of the group; the fieldset says aria-required

    def show_kept_files(self, kept: dict[str, dict]) -> None:
        """Tell the file inputs which file each one already holds (``{key: {name, size}}``)."""
        for item in self.spec.inputs:
            widget = self.fields[item.key].widget
            if item.field_type.is_file and hasattr(widget, "kept"):
                widget.kept = kept.get(item.key)

    def focus_target(self, key: str) -> str:
        """The id of the input an error summary links to for field ``key``."""
        bound = self[key]
        if self.spec_item(key).field_type.is_group:
            columns = self.fields[key].columns
            return f"id_{bound.html_name}-0-{columns[0].value['key']}" if columns else ""
        if uses_fieldset(bound.field):
            subwidgets = bound.subwidgets
            return subwidgets[0].data["attrs"].get("id", "") if subwidgets else ""
        return bound.auto_id or ""

    def spec_item(self, key: str) -> FieldSpec:
        return next(item for item in self.spec.inputs if item.key == key)

    def error_summary(self) -> list[dict]:
        """A sent step's errors in the order of its fields, each with the input to link to.

        Empty for a form that was not validated in this request: the wizard shows a stored,
        unsent step without errors (see ``PageWizardView.render``)."""
        if not self.is_bound or self._errors is None or not self._errors:
            return []
        rows = [{"target": "", "label": "", "message": m} for m in self.non_field_errors()]
        for item in self.spec.inputs:
            for message in self._errors.get(item.key, []):
                rows.append(
                    {"target": self.focus_target(item.key), "label": item.label, "message": message}
                )
        return rows

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
            form_field = self.fields[item.key] if item.has_input else None
            shown_items.append(
                {
                    "spec": item,
                    "field": self[item.key] if item.has_input else None,
                    "fieldset": bool(form_field) and uses_fieldset(form_field),
                    "radio": getattr(getattr(form_field, "widget", None), "input_type", "")
                    == "radio",
                    "required": bool(item.value.get("required")),
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
