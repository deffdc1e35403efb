"""Page-editor POST data for a wizard form page, as Wagtail's editor submits it (block ids
included, so the server can tell an edited block from a new one)."""

import datetime
from decimal import Decimal

from wagtail import blocks


def block_data(block, value, prefix: str) -> dict:
    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": str(len(value))}
        for index, child in enumerate(value):
            item = f"{prefix}-{index}"
            data.update(
                {
                    f"{item}-type": child.block_type,
                    f"{item}-id": child.id or "",
                    f"{item}-deleted": "",
                    f"{item}-order": str(index),
                }
            )
            data.update(block_data(child.block, child.value, f"{item}-value"))
        return data
    if isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if hasattr(value, "bound_blocks") else []
        data = {f"{prefix}-count": str(len(children))}
        for index, child in enumerate(children):
            item = f"{prefix}-{index}"
            data.update(
                {f"{item}-id": child.id or "", f"{item}-deleted": "", f"{item}-order": str(index)}
            )
            data.update(block_data(block.child_block, child.value, f"{item}-value"))
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data.update(block_data(child, value.get(name), f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if value else {}
    if value is None:
        return {prefix: ""}
    if isinstance(value, datetime.date | Decimal | int):
        return {prefix: str(value)}
    return {prefix: value}


def editor_data(page, audience: str = "staff", **extra) -> dict:
    """What the editor posts for ``page`` unchanged (``extra`` overrides or adds inputs)."""
    field = page._meta.get_field("steps")
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "thank_you_text": page.thank_you_text,
        "notify_emails": page.notify_emails,
        "audience": audience,
        "retention_months": page.retention_months,
        "retention_action": page.retention_action,
        **block_data(field.stream_block, page.steps, "steps"),
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}
