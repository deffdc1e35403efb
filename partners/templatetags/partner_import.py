"""What the import preview looks up by column: a heading, the entries a value may be made a
synonym of."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key, "") if mapping else ""
