"""Checks that need the whole form (unique keys, conditions on earlier fields and their options),
raised as block errors so the editor shows each one on the block it concerns and opens it.

A block's own ``clean`` sees only its value; whether a condition's field comes earlier, or whether
its value is one of that field's options, depends on the blocks around it, so the steps'
StreamBlock (:class:`~.blocks.StepsBlock`) runs these after its children are clean.
"""

import datetime
from collections import Counter
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .blocks import Operator
from .conditions import condition_values

CHOICE_TYPES = {"single_choice", "multiple_choice"}


def _add(tree: dict, path: list, message: str) -> None:
    node = tree
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node.setdefault(path[-1], []).append(message)


def as_block_error(node: dict | list | ValidationError) -> ValidationError:
    """A tree ``{index: {child name: [messages]}}`` as Wagtail's nested block errors (integer
    parts are positions in a StreamBlock, names are children of a StructBlock; a node that is
    already a ValidationError, a ListBlock's say, is kept)."""
    if isinstance(node, ValidationError):
        return node
    if isinstance(node, list):
        return ValidationError(node)
    children = {part: as_block_error(child) for part, child in node.items()}
    if all(isinstance(part, int) for part in node):
        return StreamBlockValidationError(block_errors=children)
    return StructBlockValidationError(block_errors=children)


def _options(block_type: str, value) -> list[str] | None:
    if block_type in CHOICE_TYPES:
        return [option["value"] for option in value.get("choices") or []]
    if block_type == "yes_no":
        return ["yes", "no"]
    return None


def _value_problem(block_type: str, value, given: str) -> str | None:
    """Why ``given`` can never be an answer of the field (``block_type``, ``value``), if so."""
    options = _options(block_type, value)
    if options is not None:
        if given in [option.casefold() for option in options]:
            return None
        labels = [
            option.get("label") or option["value"] for option in value.get("choices") or []
        ] or [_("yes"), _("no")]
        return _("“%(value)s” is not an option of “%(label)s” (options: %(options)s).") % {
            "value": given,
            "label": value.get("label") or "",
            "options": ", ".join(labels),
        }
    if block_type == "number":
        try:
            Decimal(given)
        except InvalidOperation:
            return _("“%(value)s” is not a number.") % {"value": given}
    if block_type == "date":
        try:
            datetime.date.fromisoformat(given)
        except ValueError:
            return _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": given}
    return None


def _condition_problems(
    condition, earlier: dict, not_earlier: str, where: dict
) -> list[tuple[str, str]]:
    """(child name, message) for each fault of one condition, given the fields before it."""
    if not condition or not condition.get("field"):
        return []
    key = condition["field"]
    if key not in earlier:
        return [("field", not_earlier % {**where, "key": key})]
    operator = condition.get("operator") or Operator.EQUALS
    if operator == Operator.ANSWERED:
        return []
    values = condition_values(condition)
    if not values:
        return [("values", _("Choose the answer this condition compares with."))]
    block_type, value = earlier[key]
    problems = [_value_problem(block_type, value, given) for given in values]
    return [("values", problem) for problem in problems if problem]


def _duplicates(children, tree: dict, path: list, message: str) -> None:
    counts = Counter(child.value.get("key") for child in children if child.value.get("key"))
    for index, child in enumerate(children):
        if counts[child.value.get("key")] > 1:
            _add(tree, [*path, index, "key"], message % {"key": child.value["key"]})


def structure_error(steps) -> ValidationError | None:
    """Every fault of ``steps`` (a clean StreamValue of step blocks) as one block error."""
    tree: dict = {}
    _duplicates(steps, tree, [], _("The step key “%(key)s” is used more than once."))
    fields = [(i, j, c) for i, step in enumerate(steps) for j, c in enumerate(step.value["fields"])]
    counts = Counter(c.value.get("key") for _i, _j, c in fields if "key" in c.block.child_blocks)
    earlier: dict = {}
    for i, step in enumerate(steps):
        not_earlier = _(
            "The condition of step “%(step)s” refers to “%(key)s”, which is not a field of an "
            "earlier step."
        )
        where = {"step": step.value.get("key") or ""}
        condition = step.value.get("condition")
        for name, message in _condition_problems(condition, earlier, not_earlier, where):
            _add(tree, [i, "condition", name], message)
        for j, child in enumerate(step.value["fields"]):
            key = child.value.get("key") if "key" in child.block.child_blocks else None
            if key and counts[key] > 1:
                message = _(
                    "The field key “%(key)s” is used more than once; every field needs its own key."
                )
                _add(tree, [i, "fields", j, "key"], message % {"key": key})
            not_earlier = _(
                "The condition of “%(field)s” refers to “%(key)s”, which is not an earlier field."
            )
            where = {"field": key or child.value.get("heading") or ""}
            condition = child.value.get("condition")
            for name, message in _condition_problems(condition, earlier, not_earlier, where):
                _add(tree, [i, "fields", j, "condition", name], message)
            columns = child.value.get("fields")
            if key and columns is not None and not isinstance(columns, str):
                message = _("The column key “%(key)s” is used more than once in this group.")
                _duplicates(columns, tree, [i, "fields", j, "fields"], message)
            if key:
                earlier[key] = (child.block_type, child.value)
    return as_block_error(tree) if tree else None
