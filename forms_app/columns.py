"""A form's answer columns: the fields it has now, then those removed since it was published.

Listings, exports and the detail page ask ``form_columns(page)`` once per request: the current
fields come from the page itself, removed ones from ``FormColumn`` (one query), never from the
form's revisions.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class AnswerColumn:
    key: str
    label: str
    item: Any = None  # the current field (type and block value); None once removed
    removed: bool = False

    @property
    def heading(self) -> str:
        if self.removed:
            return _("%(label)s (removed)") % {"label": self.label}
        return self.label

    @property
    def type_name(self) -> str:
        return self.item.type_name if self.item is not None else ""


def current_inputs(page) -> list:
    """The form's input fields as it is now (its steps in order), files included."""
    return [item for spec in page.form_specs() for item in spec.inputs]


def form_columns(page) -> list[AnswerColumn]:
    """``page`` is the source language version (``WizardFormPage.source_form``)."""
    from .models import FormColumn

    columns = [
        AnswerColumn(item.key, item.value.get("label") or item.key, item)
        for item in current_inputs(page)
    ]
    current = {column.key for column in columns}
    for key, label in FormColumn.objects.filter(page=page).values_list("key", "label"):
        if key not in current:
            columns.append(AnswerColumn(key, label or key, None, removed=True))
    return columns


@transaction.atomic
def record_columns(page) -> None:
    """Remember every key of the published form with its label; mark those no longer there."""
    from .models import FormColumn

    if page.source_form().pk != page.pk:
        return  # translations share the source's structure and columns
    inputs = current_inputs(page)
    known = {column.key: column for column in FormColumn.objects.filter(page=page)}
    for position, item in enumerate(inputs):
        label = (item.value.get("label") or item.key)[:500]
        column = known.pop(item.key, None) or FormColumn(page=page, key=item.key)
        column.label, column.position, column.removed = label, position, False
        column.field_type = item.type_name
        column.save()
    FormColumn.objects.filter(pk__in=[column.pk for column in known.values()]).update(removed=True)
