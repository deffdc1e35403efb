"""Raw StreamField data from outside (a definition file) checked against the block tree, and block
validation errors told as sentences with the path to the value: "Step 1 “about” › Short text 2
“plz” › pattern: …".

Wagtail trusts raw data it reads back from its own database: ``to_python`` of a struct given a
number, or of a decimal given a word, raises TypeError or InvalidOperation. A definition file is
not Wagtail's own data, so its shape is checked here first; and Wagtail reports block errors as a
nested tree meant for the editor's JavaScript, which an administrator importing a file cannot read.
"""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

SEPARATOR = " › "


def _join(path: list[str], message: str) -> str:
    return f"{SEPARATOR.join(path)}: {message}" if path else message


def _stream_item_name(block: blocks.Block, number: int, raw: Any) -> str:
    key = raw.get("key") if isinstance(raw, Mapping) else None
    name = f"{block.label} {number}"
    if isinstance(key, str) and key:
        return _("%(name)s “%(key)s”") % {"name": name, "key": key}
    return name


def _list_item(raw: Any) -> Any:
    """A ListBlock item is stored as ``{"type": "item", "value": …}`` or as the bare value."""
    if isinstance(raw, Mapping) and raw.get("type") == "item" and "value" in raw:
        return raw["value"]
    return raw


def _leaf_error(block: blocks.Block, raw: Any) -> str | None:
    """Why ``block`` cannot read ``raw``, in the words of its own form field where it has one.

    A text block reads anything (a list stays a list), so text is checked to be text: a key
    that is a list would otherwise reach code that uses keys as dictionary keys."""
    field = getattr(block, "field", None)
    if isinstance(field, forms.CharField) and raw is not None and not isinstance(raw, str):
        return _("text was expected, not “%(value)s”.") % {"value": str(raw)[:50]}
    try:
        block.to_python(raw)
    except Exception:  # any failure to read foreign data is the file's fault
        try:
            if field is not None:
                field.clean(raw)
        except ValidationError as error:
            return " ".join(error.messages)
        except Exception:  # noqa: S110  (the field cannot say why either: the general message)
            pass
        return _("“%(value)s” is not a valid value here.") % {"value": str(raw)[:50]}
    return None


def shape_errors(block: blocks.Block, raw: Any, path: list[str] | None = None) -> list[str]:
    """Messages for every value in ``raw`` that ``block`` could not even read."""
    path = path or []
    if isinstance(block, blocks.StreamBlock):
        if raw is None:
            return []
        if not isinstance(raw, list):
            return [_join(path, _("a list was expected."))]
        errors = []
        for number, item in enumerate(raw, start=1):
            if not isinstance(item, Mapping) or item.get("type") not in block.child_blocks:
                errors.append(_join(path, _("item %(n)s has an unknown type.") % {"n": number}))
                continue
            child = block.child_blocks[item["type"]]
            value = item.get("value")
            errors += shape_errors(child, value, [*path, _stream_item_name(child, number, value)])
        return errors
    if isinstance(block, blocks.StructBlock):
        if not isinstance(raw, Mapping):
            return [_join(path, _("an object with named values was expected."))]
        errors = []
        for name, child in block.child_blocks.items():
            if name in raw:
                errors += shape_errors(child, raw[name], [*path, str(child.label)])
        return errors
    if isinstance(block, blocks.ListBlock):
        if not isinstance(raw, list):
            return [_join(path, _("a list was expected."))]
        errors = []
        for number, item in enumerate(raw, start=1):
            errors += shape_errors(block.child_block, _list_item(item), [*path, f"{number}"])
        return errors
    message = _leaf_error(block, raw)
    return [_join(path, message)] if message else []


def readable_errors(
    error: ValidationError, block: blocks.Block, raw: Any, path: list[str] | None = None
) -> list[str]:
    """The messages of a block's ValidationError, each prefixed with where it applies."""
    path = path or []
    messages = []
    for non_block in getattr(error, "non_block_errors", None) or []:
        messages.append(_join(path, str(non_block)))
    if isinstance(error, StreamBlockValidationError):
        items = raw if isinstance(raw, list) else []
        for index, child_error in sorted(error.block_errors.items()):
            item = items[index] if index < len(items) else {}
            child = block.child_blocks.get(item.get("type"))
            value = item.get("value")
            if child is None:
                messages += [_join(path, m) for m in child_error.messages]
                continue
            where = [*path, _stream_item_name(child, index + 1, value)]
            messages += readable_errors(child_error, child, value, where)
    elif isinstance(error, StructBlockValidationError):
        values = raw if isinstance(raw, Mapping) else {}
        for name, child_error in error.block_errors.items():
            child = block.child_blocks[name]
            where = [*path, str(child.label)]
            messages += readable_errors(child_error, child, values.get(name), where)
    elif isinstance(error, ListBlockValidationError):
        items = raw if isinstance(raw, list) else []
        for index, child_error in sorted(error.block_errors.items()):
            value = _list_item(items[index]) if index < len(items) else None
            where = [*path, f"{index + 1}"]
            messages += readable_errors(child_error, block.child_block, value, where)
    else:
        messages += [_join(path, message) for message in error.messages]
    return messages
