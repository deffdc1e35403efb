"""A form's portable definition: JSON another installation can import (how a city adopts a form)."""

import json
from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .block_errors import readable_errors, shape_errors
from .registry import field_types

SCHEMA = "forms_app.wizard/2"
# Version 1 held every text twice (``label_de``/``label_en``...); it is still read: the German
# texts become the form's texts (a form's other languages are translations of its page).
SCHEMA_V1 = "forms_app.wizard/1"
# A form is nested about eight levels deep (steps, fields, a group's columns, choices, ...).
MAX_DEPTH = 32


class DefinitionError(Exception):
    """A definition that cannot be imported; ``errors`` says why, one message each."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _fields_out(raw_fields: list[dict]) -> list[dict]:
    fields = []
    for child in raw_fields:
        value = dict(child["value"])
        if isinstance(value.get("fields"), list):
            value["fields"] = _fields_out(value["fields"])
        fields.append({"type": child["type"], **value})
    return fields


def export_definition(page) -> dict[str, Any]:
    """The page's steps as plain data with a schema version (no block ids)."""
    # through JSON, so decimals and dates look the same whether the page came from the database
    raw_steps = json.loads(json.dumps(page.steps.get_prep_value(), cls=DjangoJSONEncoder))
    return {
        "schema": SCHEMA,
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "thank_you_text": page.thank_you_text,
        "steps": [
            {
                **{k: v for k, v in step["value"].items() if k != "fields"},
                "fields": _fields_out(step["value"].get("fields") or []),
            }
            for step in raw_steps
        ],
    }


def _fields_in(fields: Any, where: str, errors: list[str], types: dict) -> list[dict]:
    if not isinstance(fields, list):
        errors.append(_("%(where)s: “fields” must be a list.") % {"where": where})
        return []
    raw = []
    for number, field in enumerate(fields, start=1):
        if not isinstance(field, dict) or "type" not in field:
            errors.append(_("%(where)s, field %(n)s has no type.") % {"where": where, "n": number})
            continue
        value = {k: v for k, v in field.items() if k != "type"}
        if field["type"] not in types:
            errors.append(
                _("%(where)s: unknown field type “%(type)s”.")
                % {"where": where, "type": field["type"]}
            )
            continue
        if types[field["type"]].is_group:
            value["fields"] = _fields_in(value.get("fields", []), where, errors, types)
        raw.append({"type": field["type"], "value": value})
    return raw


def nesting_depth(data: Any) -> int:
    """How deeply lists and objects nest in ``data``; counted without recursion."""
    deepest, pending = 0, [(data, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, list):
            continue
        deepest = max(deepest, depth)
        if depth <= MAX_DEPTH:
            pending.extend((child, depth + 1) for child in item)
    return deepest


def _too_deep() -> DefinitionError:
    return DefinitionError(
        [
            _("The file is nested too deeply (at most %(depth)s levels); it is not a form.")
            % {"depth": MAX_DEPTH}
        ]
    )


def _from_v1(value: Any) -> Any:
    """A version 1 definition's value with ``<name>_de`` as ``<name>`` and no ``_en`` texts."""
    if isinstance(value, list):
        return [_from_v1(item) for item in value]
    if not isinstance(value, dict):
        return value
    converted = {}
    for key, item in value.items():
        if isinstance(key, str) and key.endswith("_en"):
            continue
        name = key[:-3] if isinstance(key, str) and key.endswith("_de") else key
        converted[name] = _from_v1(item)
    return converted


def parse_definition(text: str | bytes) -> dict[str, Any]:
    """The raw StreamField data and page attributes of a definition file, or DefinitionError."""
    try:
        data = json.loads(text)
    except RecursionError as error:
        raise _too_deep() from error
    except (ValueError, UnicodeDecodeError) as error:
        message = _("The file is not valid JSON: %(error)s") % {"error": error}
        raise DefinitionError([message]) from error
    if nesting_depth(data) > MAX_DEPTH:
        raise _too_deep()
    if isinstance(data, dict) and data.get("schema") == SCHEMA_V1:
        data = {**_from_v1(data), "schema": SCHEMA}
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise DefinitionError(
            [
                _("This is not a form definition (expected schema “%(schema)s”).")
                % {"schema": SCHEMA}
            ]
        )
    if not isinstance(data.get("steps"), list) or not data["steps"]:
        raise DefinitionError([_("The definition has no steps.")])
    if not str(data.get("title") or "").strip():
        raise DefinitionError([_("The definition has no title.")])
    errors: list[str] = []
    types = field_types()
    raw_steps = []
    for number, step in enumerate(data["steps"], start=1):
        where = _("Step %(n)s") % {"n": number}
        if not isinstance(step, dict):
            errors.append(_("%(where)s is not an object.") % {"where": where})
            continue
        value = {k: v for k, v in step.items() if k != "fields"}
        value["fields"] = _fields_in(step.get("fields", []), where, errors, types)
        raw_steps.append({"type": "step", "value": value})
    if errors:
        raise DefinitionError(errors)
    return {
        "title": str(data["title"])[:255],
        "slug": slugify(data.get("slug") or data["title"])[:255],
        "intro": str(data.get("intro") or ""),
        "thank_you_text": str(data.get("thank_you_text") or ""),
        "steps": raw_steps,
    }


def definition_errors(specs) -> list[str]:
    """Duplicate keys and conditions on unknown or later fields, as messages for editors."""
    errors = []
    step_keys = [spec.key for spec in specs]
    field_keys = [item.key for spec in specs for item in spec.inputs]
    for key in sorted(k for k, count in Counter(step_keys).items() if count > 1):
        errors.append(_("The step key “%(key)s” is used more than once.") % {"key": key})
    for key in sorted(k for k, count in Counter(field_keys).items() if count > 1):
        errors.append(
            _("The field key “%(key)s” is used more than once; every field needs its own key.")
            % {"key": key}
        )
    earlier: set[str] = set()
    for spec in specs:
        dependency = spec.condition.get("field")
        if dependency and dependency not in earlier:
            errors.append(
                _(
                    "The condition of step “%(step)s” refers to “%(key)s”, which is not a field "
                    "of an "
                    "earlier step."
                )
                % {"step": spec.key, "key": dependency}
            )
        for item in spec.items:
            dependency = item.condition.get("field")
            if dependency and dependency not in earlier:
                errors.append(
                    _(
                        "The condition of “%(field)s” refers to “%(key)s”, which is not an earlier "
                        "field."
                    )
                    % {"field": item.key, "key": dependency}
                )
            if item.has_input:
                earlier.add(item.key)
    return errors


@transaction.atomic
def import_definition(text: str | bytes, parent, user=None):
    """Create an unpublished WizardFormPage under ``parent`` from a definition file."""
    from .forms import build_specs
    from .models import WizardFormPage

    attributes = parse_definition(text)
    block = WizardFormPage._meta.get_field("steps").stream_block
    errors = shape_errors(block, attributes["steps"])
    if errors:
        raise DefinitionError(errors)
    try:
        steps = block.clean(block.to_python(attributes["steps"]))
    except ValidationError as error:
        raise DefinitionError(readable_errors(error, block, attributes["steps"])) from error
    errors = definition_errors(build_specs(steps))
    if errors:
        raise DefinitionError(errors)
    slug, number = attributes["slug"] or "form", 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{attributes['slug']}-{number}"
    page = WizardFormPage(
        title=attributes["title"],
        slug=slug,
        intro=attributes["intro"],
        thank_you_text=attributes["thank_you_text"],
        steps=steps,
        live=False,
        owner=user,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
