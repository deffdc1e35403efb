"""Picking the German or English variant of an administrator's text."""

from collections.abc import Mapping

from django.utils.translation import get_language


def localized(value: Mapping, name: str) -> str:
    """``value[name_en]`` on English pages when it is filled in, else ``value[name_de]``."""
    if (get_language() or "de").startswith("en") and value.get(f"{name}_en"):
        return value[f"{name}_en"]
    return value.get(f"{name}_de") or ""
