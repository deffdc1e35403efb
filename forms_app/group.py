"""A repeatable group: rows of sub-fields that work without JavaScript.

The widget renders the filled rows plus one empty row; an "Add row" submit button asks the wizard
for one more. Empty rows are dropped; each filled cell is validated by its own field type.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class GroupWidget(forms.Widget):
    use_fieldset = True  # its rows go under one legend

    def __init__(self, columns: list, max_rows: int, attrs=None):
        super().__init__(attrs)
        self.columns = columns
        self.max_rows = max_rows

    def sub_fields(self):
        from .registry import get_field_type

        return [
            (child.value["key"], get_field_type(child.block_type).form_field(child.value))
            for child in self.columns
        ]

    def value_from_datadict(self, data, files, name) -> list[dict[str, Any]]:
        try:
            count = min(int(data.get(f"{name}-rows", 1)), self.max_rows)
        except (TypeError, ValueError):
            count = 1
        rows = []
        for index in range(max(count, 0)):
            row = {}
            for key, field in self.sub_fields():
                row[key] = field.widget.value_from_datadict(data, files, f"{name}-{index}-{key}")
            rows.append(row)
        return rows

    def render(self, name, value, attrs=None, renderer=None):
        sub_fields = self.sub_fields()
        filled = [row for row in (value or []) if isinstance(row, dict) and any(row.values())]
        count = min(max(len(value or []), len(filled) + 1, 1), self.max_rows)
        rows = []
        for index in range(count):
            row = filled[index] if index < len(filled) else {}
            rows.append(
                [
                    {
                        "label": field.label,
                        "html": field.widget.render(
                            f"{name}-{index}-{key}",
                            field.prepare_value(row.get(key)),
                            attrs={"id": f"id_{name}-{index}-{key}", "aria-label": field.label},
                        ),
                    }
                    for key, field in sub_fields
                ]
            )
        return render_to_string(
            "forms_app/widgets/group.html",
            {
                "name": name,
                "columns": [field.label for _key, field in sub_fields],
                "rows": rows,
                "row_count": count,
                "can_add": count < self.max_rows,
                "key": name.rpartition("-")[2],
            },
        )


class GroupField(forms.Field):
    default_error_messages = {
        "min_rows": _("Please fill in at least %(count)s row(s)."),
    }

    def __init__(self, *, columns: list, min_rows: int = 0, max_rows: int = 20, **kwargs):
        self.columns = columns
        self.min_rows = min_rows
        kwargs.setdefault("widget", GroupWidget(columns, max_rows))
        super().__init__(**kwargs)

    def to_python(self, value) -> list[dict[str, Any]]:
        from .registry import get_field_type

        cleaned, errors = [], []
        for number, row in enumerate(value or [], start=1):
            if not isinstance(row, dict) or not any(v not in (None, "", []) for v in row.values()):
                continue
            cleaned_row = {}
            for child in self.columns:
                field_type = get_field_type(child.block_type)
                field = field_type.form_field(child.value)
                key = child.value["key"]
                try:
                    cleaned_row[key] = field_type.to_json(field.clean(row.get(key)))
                except ValidationError as error:
                    label = child.value.get("label") or ""
                    errors.extend(
                        gettext("Row %(row)s, %(label)s: %(message)s")
                        % {"row": number, "label": label, "message": message}
                        for message in error.messages
                    )
            cleaned.append(cleaned_row)
        if errors:
            raise ValidationError(errors)
        return cleaned

    def validate(self, value) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        if value and len(value) < self.min_rows:
            raise ValidationError(
                self.error_messages["min_rows"], code="min_rows", params={"count": self.min_rows}
            )
