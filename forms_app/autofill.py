"""Which HTML ``autocomplete`` token suits a field, from its type and a hint in its key or label.

Browsers and assistive technology fill or label a field by its purpose (WCAG 1.3.5). The engine
knows no form's keys, so the purpose comes from what every form says alike: an e-mail or phone
field is one; a text field whose key or label reads "first name"/"Vorname" asks for a given name,
"surname"/"Nachname" for a family name, "name" alone for a full name; a date field about birth
for a birthday. Field types name their token through ``FieldType.autocomplete``.
"""

import re
from typing import Any

GIVEN_NAME = {"first name", "firstname", "given name", "givenname", "forename", "vorname", "prénom"}
FAMILY_NAME = {
    "last name",
    "lastname",
    "surname",
    "family name",
    "familyname",
    "nachname",
    "familienname",
    "nom de famille",
}
FULL_NAME = {"name", "full name", "fullname", "vollständiger name", "vor und nachname"}
BIRTH = ("birth", "geburt", "bday", "dob")


def words(value: Any) -> list[str]:
    """The field's key and label, each lower-cased with separators as single spaces."""
    texts = [str(value.get("key") or ""), str(value.get("label") or "")]
    return [" ".join(re.split(r"[\W_]+", text.casefold())).strip() for text in texts if text]


def name_token(value: Any) -> str | None:
    for text in words(value):
        padded = f" {text} "
        if any(f" {hint} " in padded for hint in GIVEN_NAME):
            return "given-name"
        if any(f" {hint} " in padded for hint in FAMILY_NAME):
            return "family-name"
        if text in FULL_NAME:
            return "name"
    return None


def birth_token(value: Any) -> str | None:
    return "bday" if any(hint in text for text in words(value) for hint in BIRTH) else None


def fixed(token: str):
    """A field type whose fields all have one purpose (e-mail, phone)."""
    return lambda value: token
