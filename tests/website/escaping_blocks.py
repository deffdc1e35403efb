"""The text-bearing blocks of every StreamField of the project's page models, found by walking
the block definitions, and the admin editor's POST data that puts a payload into each of them.

``block_texts()`` lists every leaf block of every StreamField (``model.field/child/.../leaf``;
a ListBlock's item is ``item``). ``payload_for`` gives the payload a leaf takes, or None and
why (choices, choosers, a validator, a max_length), so a new block is either poisoned or a
decision in the proof's expected skips. ``stream_form_data`` builds what the page editor posts
for a StreamField: one child of every block type, every text a payload naming its block,
rich text as the editor's own contentstate.
"""

import json

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from bs4 import BeautifulSoup

from tests.website.escaping_inert import html_payload, marker, short_payload

PAGE_APPS = ("website", "dashboards", "knowledge", "partners", "casework")
CONTAINERS = (blocks.StreamBlock, blocks.StructBlock, blocks.ListBlock)


def stream_fields():
    """(page model, StreamField) of every concrete page model of the project apps."""
    for label in PAGE_APPS:
        for model in apps.get_app_config(label).get_models():
            if not issubclass(model, Page) or model._meta.abstract or model._meta.proxy:
                continue
            for field in model._meta.get_fields():
                if isinstance(field, StreamField):
                    yield model, field


def leaves(block, path=()):
    """(path, leaf block) of every leaf under ``block``."""
    if isinstance(block, (blocks.StreamBlock, blocks.StructBlock)):
        for name, child in block.child_blocks.items():
            yield from leaves(child, (*path, name))
    elif isinstance(block, blocks.ListBlock):
        yield from leaves(block.child_block, (*path, "item"))
    else:
        yield path, block


def block_name(model, field, path) -> str:
    return f"{model._meta.label}.{field.name}/{'/'.join(path)}"


def block_texts() -> list[tuple[str, object]]:
    """(name, leaf block) of every leaf block of every StreamField, in discovery order."""
    return [
        (block_name(model, field, path), block)
        for model, field in stream_fields()
        for path, block in leaves(field.stream_block)
    ]


def tags() -> dict[str, str]:
    """Block name -> its tag (``b07``): short, so a 20-character CharBlock holds a payload."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    named = enumerate(block_texts())
    return {name: f"b{digits[n // 36]}{digits[n % 36]}" for n, (name, _block) in named}


def tiny_payload(tag: str) -> str:
    """An element with a handler, for the shortest text blocks (``<b oncut=ppxss-b07_>``)."""
    return f"<b oncut={marker(tag)}>"


def url_payload(tag: str) -> str:
    """A URL the validator accepts that breaks out of an ``href`` attribute."""
    return f'https://example.org/"><b/oncut=alert("{marker(tag)}")>'


def rich_payload(tag: str) -> str:
    mark = marker(tag)
    return f'<p>{mark} {html_payload(tag)}<a href="javascript:alert(1)" onclick="{mark}">x</a></p>'


def hostile_contentstate(html: str, features) -> str:
    """The editor's contentstate of ``html`` (balanced, as a browser's DOM would hold it), with a
    ``javascript:`` link added by hand, as a hostile client could post it."""
    state = json.loads(rich_text(str(BeautifulSoup(html, "html.parser")), features=features))
    key = str(len(state["entityMap"]))
    state["entityMap"][key] = {
        "type": "LINK",
        "mutability": "MUTABLE",
        "data": {"url": "javascript:alert(1)"},
    }
    state["blocks"][0]["entityRanges"].append({"offset": 0, "length": 5, "key": int(key)})
    return json.dumps(state)


def payload_for(block, tag: str) -> tuple[str | None, str]:
    """The payload ``block`` takes (rich text as HTML), or None and the reason it takes none."""
    if isinstance(block, blocks.RichTextBlock):
        return rich_payload(tag), ""
    if isinstance(block, blocks.ChoiceBlock):
        return None, "choices"
    if isinstance(block, blocks.ChooserBlock):
        return None, f"chooser: {type(block).__name__}"
    if not isinstance(block, blocks.FieldBlock) or not isinstance(block.field, forms.CharField):
        return None, f"no text: {type(block).__name__}"
    if isinstance(block, blocks.URLBlock):
        candidates, reason = [url_payload(tag)], "validator: URL"
    else:
        candidates, reason = [html_payload(tag), short_payload(tag), tiny_payload(tag)], "validator"
    for candidate in candidates:
        if block.field.max_length and len(candidate) > block.field.max_length:
            reason = f"max_length {block.field.max_length}"
            continue
        try:
            block.clean(candidate)
        except ValidationError:
            continue
        return candidate, ""
    return None, reason


def skips() -> dict[str, str]:
    tag_of = tags()
    found = {}
    for name, block in block_texts():
        payload, reason = payload_for(block, tag_of[name])
        if payload is None:
            found[name] = reason
    return found


def filler(block, choosable: dict) -> str:
    """What the editor posts for a leaf that takes no payload: a valid choice or chosen item."""
    if isinstance(block, blocks.ChoiceBlock):
        values = [str(value) for value, _label in block.field.choices if value not in ("", None)]
        return values[0] if values and block.required else ""
    if isinstance(block, blocks.ChooserBlock) and block.required:  # else a URL beside it shows
        target = block.target_model
        target = apps.get_model(target) if isinstance(target, str) else target
        return next(str(item.pk) for item in choosable.values() if isinstance(item, target))
    return ""


def stream_form_data(model, field, choosable: dict) -> dict[str, str]:
    """The page editor's POST data for ``field``: every block type once, texts poisoned."""
    tag_of = tags()
    data: dict[str, str] = {}

    def fill(block, path, prefix):
        if isinstance(block, blocks.StreamBlock):
            data[f"{prefix}-count"] = str(len(block.child_blocks))
            for i, (name, child) in enumerate(block.child_blocks.items()):
                data.update({f"{prefix}-{i}-type": name, f"{prefix}-{i}-deleted": ""})
                data[f"{prefix}-{i}-order"] = str(i)
                fill(child, (*path, name), f"{prefix}-{i}-value")
        elif isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                fill(child, (*path, name), f"{prefix}-{name}")
        elif isinstance(block, blocks.ListBlock):
            data.update(
                {f"{prefix}-count": "1", f"{prefix}-0-deleted": "", f"{prefix}-0-order": "0"}
            )
            fill(block.child_block, (*path, "item"), f"{prefix}-0-value")
        else:
            payload, _reason = payload_for(block, tag_of[block_name(model, field, path)])
            if payload is None:
                data[prefix] = filler(block, choosable)
            elif isinstance(block, blocks.RichTextBlock):
                data[prefix] = hostile_contentstate(payload, block.features)
            else:
                data[prefix] = payload

    fill(field.stream_block, (), field.name)
    return data


def poisoned_tags(model) -> dict[str, str]:
    """{tag: block name} of the blocks of ``model`` that hold a payload."""
    tag_of, skipped = tags(), skips()
    prefix = f"{model._meta.label}."
    return {
        tag_of[name]: name
        for name, _block in block_texts()
        if name.startswith(prefix) and name not in skipped
    }


def rich_tags() -> set[str]:
    tag_of = tags()
    return {
        tag_of[name] for name, block in block_texts() if isinstance(block, blocks.RichTextBlock)
    }


def stream_raw(model, field, choosable: dict) -> list:
    """``field``'s value as code writes it (the demo loader, an import): every block type once,
    texts poisoned, rich text as raw HTML."""
    tag_of = tags()

    def value(block, path):
        if isinstance(block, blocks.StreamBlock):
            return [
                {"type": name, "value": value(child, (*path, name))}
                for name, child in block.child_blocks.items()
            ]
        if isinstance(block, blocks.StructBlock):
            return {name: value(child, (*path, name)) for name, child in block.child_blocks.items()}
        if isinstance(block, blocks.ListBlock):
            return [value(block.child_block, (*path, "item"))]
        payload, _reason = payload_for(block, tag_of[block_name(model, field, path)])
        if payload is not None:
            return payload
        chosen = filler(block, choosable)
        if isinstance(block, blocks.ChooserBlock):
            return int(chosen) if chosen else None
        return chosen

    return value(field.stream_block, ())
