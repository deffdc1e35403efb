"""The page editor's part of submission actions: a select of the registered actions and, per
action, a select of the form's fields for each attribute it accepts (no typed keys)."""

import json

from django import forms

from wagtail.admin.panels import FieldPanel

from .actions import KINDS, action_choices, registered_actions


def mappable_fields(page) -> list[tuple[str, str]]:
    """(key, "label – step") of the fields whose answer an action can take (not files or
    repeatable groups), in the form's order."""
    fields = []
    for spec in page.form_specs():
        for item in spec.inputs:
            if item.field_type.is_file or item.field_type.is_group:
                continue
            label = item.label or item.key
            fields.append((item.key, f"{label} – {spec.title}" if spec.title else label))
    return fields


class ActionSelect(forms.Select):
    """The registered actions, read when the editor is shown (apps register them at start-up)."""

    @property
    def choices(self):
        return action_choices()

    @choices.setter
    def choices(self, value):
        pass


class ActionMappingWidget(forms.Widget):
    """One select per attribute of every registered action; posts ``{attribute: field key}``
    as JSON for the chosen action's model field. The script shows the chosen action's group."""

    template_name = "forms_app/admin/widgets/action_mapping.html"
    form_fields: list[tuple[str, str]] = []

    class Media:
        js = ["forms_app/js/action-mapping.js"]

    def select_name(self, name: str, action: str, attribute: str) -> str:
        return f"{name}__{action}__{attribute}"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        try:
            mapping = json.loads(value) if isinstance(value, str) else (value or {})
        except ValueError:
            mapping = {}
        mapping = mapping if isinstance(mapping, dict) else {}
        groups = []
        for action in sorted(registered_actions().values(), key=lambda a: str(a.label)):
            rows = []
            for attribute in action.attributes:
                select = forms.Select(choices=[("", "–"), *self.form_fields])
                field_name = self.select_name(name, action.name, attribute.name)
                rows.append(
                    {
                        "id": f"id_{field_name}",
                        "label": attribute.label,
                        "kind": KINDS.get(attribute.kind, attribute.kind),
                        "required": attribute.required,
                        "html": select.render(
                            field_name,
                            mapping.get(attribute.name, ""),
                            {"id": f"id_{field_name}"},
                        ),
                    }
                )
            groups.append({"name": action.name, "label": action.label, "rows": rows})
        context.update(groups=groups, has_fields=bool(self.form_fields))
        return context

    def value_from_datadict(self, data, files, name):
        """The chosen action's attributes that were given a field (others are dropped)."""
        action = registered_actions().get(data.get("submission_action", ""))
        if action is None:
            return "{}"
        mapping = {}
        for attribute in action.attributes:
            key = data.get(self.select_name(name, action.name, attribute.name), "")
            if key:
                mapping[attribute.name] = key
        return json.dumps(mapping)


class ActionMappingPanel(FieldPanel):
    """A FieldPanel whose widget lists the fields of the page being edited."""

    def __init__(self, field_name="action_mapping", **kwargs):
        kwargs.setdefault("widget", ActionMappingWidget)
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is not None:
                self.bound_field.field.widget.form_fields = mappable_fields(self.instance)


def action_panels() -> list:
    return [
        FieldPanel("submission_action", widget=ActionSelect),
        ActionMappingPanel(),
    ]
