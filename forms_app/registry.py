"""The field types a wizard form can hold.

Built-in types register here like any other; a domain app adds its own in
``<app>/form_fields.py`` (found by :func:`autodiscover` in ``FormsAppConfig.ready``), so this
engine never imports the domain.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.module_loading import autodiscover_modules

from wagtail import blocks


@dataclass(frozen=True)
class FieldType:
    """What the engine needs to know about one kind of field.

    ``form_field(value)`` turns a block's value into a Django form field. ``to_json(cleaned)``
    makes a cleaned value storable (JSON); ``display(stored, value)`` shows a stored answer as
    text (review, admin, export). ``has_input`` is False for explanatory text; ``groupable`` types
    may appear in a repeatable group's rows. ``autocomplete(value)`` names the HTML autocomplete
    token of a field (``"email"``, ``"given-name"``) or None (see :mod:`forms_app.autofill`).
    """

    name: str
    block: blocks.Block
    form_field: Callable[[Any], forms.Field] | None
    to_json: Callable[[Any], Any] = field(default=lambda value: value)
    display: Callable[[Any, Any], str] = field(default=lambda stored, value: str(stored))
    has_input: bool = True
    groupable: bool = False
    is_file: bool = False
    is_group: bool = False
    autocomplete: Callable[[Any], str | None] = field(default=lambda value: None)


_registry: dict[str, FieldType] = {}


def register_field_type(field_type: FieldType) -> FieldType:
    """Add (or replace, for tests) a field type; its ``name`` is the StreamField block name."""
    field_type.block.set_name(field_type.name)
    _registry[field_type.name] = field_type
    return field_type


def unregister_field_type(name: str) -> None:
    _registry.pop(name, None)


def get_field_type(name: str) -> FieldType:
    """The registered type called ``name``; KeyError if there is none."""
    return _registry[name]


def field_types() -> dict[str, FieldType]:
    return dict(_registry)


def autodiscover() -> None:
    """Import ``form_fields`` of every installed app, the way Wagtail finds ``wagtail_hooks``."""
    from . import builtin_fields  # noqa: F401  (registers the built-in types)

    autodiscover_modules("form_fields")


def plain_display(stored: Any, value: Any = None) -> str:
    """Text of a stored answer: lists joined, booleans as words, nothing as a dash."""
    from django.utils.translation import gettext as _

    if stored is None or stored == "" or stored == []:
        return "–"
    if isinstance(stored, bool):
        return _("Yes") if stored else _("No")
    if isinstance(stored, list):
        return ", ".join(str(item) for item in stored)
    return str(stored)
