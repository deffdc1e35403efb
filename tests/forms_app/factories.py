"""Wizard form pages for tests, built from plain step definitions (the portable format)."""

from forms_app.definition import SCHEMA, import_definition


def field(type_name: str, key: str, label: str = "", **options) -> dict:
    return {"type": type_name, "key": key, "label": label or key, **options}


def step(key: str, *fields: dict, condition: dict | None = None, title: str = "") -> dict:
    return {
        "key": key,
        "title": title or key.title(),
        "intro": "",
        "condition": condition or {"field": "", "operator": "equals", "values": ""},
        "fields": list(fields),
    }


def when(key: str, operator: str = "equals", *values: str) -> dict:
    return {"field": key, "operator": operator, "values": "\n".join(values)}


def make_form_page(parent, *steps: dict, title: str = "Testformular", slug: str = "", publish=True):
    """A WizardFormPage under ``parent`` holding ``steps``; published unless asked otherwise."""
    import json

    definition = {"schema": SCHEMA, "title": title, "slug": slug or title.lower(), "steps": steps}
    page = import_definition(json.dumps(definition), parent)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page
