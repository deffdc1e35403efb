"""Keys made from labels, so an administrator never has to type a technical name.

A step's or field's key (and a choice's stored value) is what submissions, exports and conditions
use; it is derived from the label when left empty - on the server when a form is saved, and in the
editor as the label is typed (``static/forms_app/js/builder.js`` applies the same rules) - and then
stays as it is, however the label changes later.
"""

import re
import unicodedata
from collections.abc import Iterable

KEY_LENGTH = 50
# German letters spelt the way people write them without umlauts, before accents are dropped.
SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def key_from_label(label: str, taken: Iterable[str] = (), fallback: str = "field") -> str:
    """``label`` as a key (``^[a-z][a-z0-9_]*$``, at most 50 characters) not among ``taken``.

    "Größe in cm" becomes ``groesse_in_cm``; a label without Latin letters (Arabic, say) becomes
    ``fallback``; a clash gets ``_2``, ``_3``...
    """
    text = unicodedata.normalize("NFKD", (label or "").lower().translate(SPELLED_OUT))
    text = text.encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    if not base or not base[0].isalpha():
        base = f"{fallback}_{base}".strip("_")
    base = base[: KEY_LENGTH - 4].rstrip("_")
    taken = set(taken)
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}_{number}"
    return key


def _fill_children(children, label_name: str, fallback: str, taken: set[str]) -> None:
    """Give every child value without a key one derived from its label, unique in ``taken``."""
    for child in children:
        if child.value.get("key"):
            continue
        child.value["key"] = key_from_label(child.value.get(label_name) or "", taken, fallback)
        taken.add(child.value["key"])


def _fill_choices(field_value) -> None:
    options = field_value.get("choices")
    if options is None:
        return
    taken = {option.get("value") for option in options if option.get("value")}
    for option in options:
        if not option.get("value") and option.get("label"):
            option["value"] = key_from_label(option["label"], taken, "option")
            taken.add(option["value"])


def fill_missing_keys(steps) -> None:
    """Derive every blank step key, field key and choice value of ``steps`` (a StreamValue of
    step blocks, changed in place) from its title or label, unique where it has to be: step keys
    among the steps, field keys within the form, a group's column keys within the group, choice
    values within their field."""
    step_keys = {step.value.get("key") for step in steps if step.value.get("key")}
    _fill_children(steps, "title", "step", step_keys)
    fields = [child for step in steps for child in step.value.get("fields") or []]
    with_key = [child for child in fields if "key" in child.block.child_blocks]
    _fill_children(with_key, "label", "field", {c.value["key"] for c in with_key if c.value["key"]})
    for child in with_key:
        _fill_choices(child.value)
        columns = child.value.get("fields")
        if columns is not None and not isinstance(columns, str):
            _fill_children(
                columns, "label", "field", {c.value["key"] for c in columns if c.value.get("key")}
            )
            for column in columns:
                _fill_choices(column.value)
