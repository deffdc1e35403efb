"""The "partner" field type for wizard forms: pick one of the live, active network partners.

Registered through forms_app's registry (found by its autodiscovery), so the form engine never
imports this app. The answer stores the partner's slug, its stable key: every translation of a
partner shares it, so an answer means the same partner in every language of the form.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_app.blocks import FieldBlock
from forms_app.builtin_fields import base_options
from forms_app.registry import FieldType, register_field_type

from .models import PartnerOrganisation


class PartnerFieldBlock(FieldBlock):
    class Meta:
        icon = "group"
        label = _("Network partner")
        description = _("One of the published, active partners of the network directory.")


def partner_field(value) -> forms.Field:
    return forms.ModelChoiceField(
        queryset=PartnerOrganisation.objects.public().in_locale().order_by("name"),
        to_field_name="slug",
        empty_label="–",
        **base_options(value),
    )


def partner_slug(partner: PartnerOrganisation | None) -> str | None:
    return partner.slug if partner else None


def partner_display(stored: Any, value: Any = None) -> str:
    if not stored:
        return "–"
    partners = PartnerOrganisation.objects.filter(slug=stored)
    name = partners.in_locale().values_list("name", flat=True).first()
    return name or str(stored)


register_field_type(
    FieldType(
        "partner",
        PartnerFieldBlock(),
        partner_field,
        to_json=partner_slug,
        display=partner_display,
        groupable=True,
    )
)
