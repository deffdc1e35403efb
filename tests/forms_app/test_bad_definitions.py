"""Hostile or broken definition files are refused with sentences that say where; never a 500."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from forms_app.definition import SCHEMA, DefinitionError, import_definition
from forms_app.models import WizardFormPage
from tests.forms_app.factories import field, step

pytestmark = pytest.mark.django_db


def definition(*fields: dict, **step_options) -> str:
    return json.dumps(
        {"schema": SCHEMA, "title": "Kaputt", "steps": [step("about", *fields, **step_options)]}
    )


def upload(client, home, text: str):
    file = SimpleUploadedFile("f.json", text.encode(), content_type="application/json")
    return client.post(
        reverse("forms_app:definition_import"), {"definition": file, "parent": home.pk}
    )


def refused(admin_client, home, text: str) -> str:
    """Import ``text`` both ways; both refuse it. The messages, joined."""
    with pytest.raises(DefinitionError) as error:
        import_definition(text, home)
    response = upload(admin_client, home, text)
    assert response.status_code == 200
    assert not WizardFormPage.objects.exists()
    messages = " ".join(error.value.errors)
    for message in error.value.errors:
        assert message.split(":")[0] in response.content.decode()
    return messages


def test_deeply_nested_json_is_refused(admin_client, home):
    depth = 10_000
    text = f'{{"schema": "{SCHEMA}", "title": "x", "steps": {"[" * depth}{"]" * depth}}}'
    assert "zu tief verschachtelt" in refused(admin_client, home, text)


def test_moderately_nested_json_is_refused_before_the_blocks_see_it(admin_client, home):
    nested = {"key": "a"}
    for _ in range(200):
        nested = {"type": "group", "key": "g", "label_de": "G", "fields": [nested]}
    text = json.dumps({"schema": SCHEMA, "title": "x", "steps": [step("a", nested)]})
    assert "zu tief verschachtelt" in refused(admin_client, home, text)


def test_text_in_a_number_property_is_refused_naming_the_field(admin_client, home):
    text = definition(field("number", "age", "Alter", min_value="viele"))
    messages = refused(admin_client, home, text)
    assert "Schritt 1 „about“ › Felder › Zahl 1 „age“ › Minimum" in messages
    assert "Zahl" in messages


@pytest.mark.parametrize(
    "bad",
    [
        field("number", "age", "Alter", max_value=[1, 2]),
        field("date", "born", "Geboren", min_date="2020-13-45"),
        field("date", "born", "Geboren", max_date=7),
        field("short_text", "name", "Name", condition=5),
        field("short_text", "name", "Name", condition="x"),
        field("single_choice", "lang", "Sprache", choices="de"),
        field("single_choice", "lang", "Sprache", choices=[5]),
        field("file", "doc", "Dokument", max_size_mb="viel"),
        field("short_text", "name", "Name", condition=None),
        field("single_choice", "lang", "Sprache", choices=None),
        field("single_choice", "lang", "Sprache", choices=[{"value": None, "label_de": {}}]),
        field("number", "age", "Alter", decimal_places=None, default={"a": 1}),
        field("group", "rows", "Zeilen", fields="x"),
        field("group", "rows", "Zeilen", fields=[{"type": "short_text", "key": 5}]),
    ],
)
def test_values_of_the_wrong_kind_are_refused(admin_client, home, bad):
    messages = refused(admin_client, home, definition(bad))
    assert "{" not in messages


@pytest.mark.parametrize("key", [["a"], {"a": 1}, 5, True])
def test_a_step_key_that_is_not_text_is_refused(admin_client, home, key):
    """Found by the fuzzing: a list as a step's key once ended in a TypeError (a 500)."""
    text = json.dumps(
        {
            "schema": SCHEMA,
            "title": "x",
            "steps": [{**step("a", field("short_text", "n", "N")), "key": key}],
        }
    )
    assert "Text erwartet" in refused(admin_client, home, text)


def test_step_of_the_wrong_kind_is_refused(admin_client, home):
    text = json.dumps({"schema": SCHEMA, "title": "x", "steps": [{"key": "a", "condition": []}]})
    assert "Schritt 1 „a“" in refused(admin_client, home, text)


def test_block_validation_errors_read_as_sentences(admin_client, home):
    text = definition(
        field("short_text", "name", "Name", max_length=0),
        field("single_choice", "lang", "Sprache", choices=[]),
    )
    messages = refused(admin_client, home, text)
    assert "{" not in messages and "blockErrors" not in messages
    assert "Schritt 1 „about“ › Felder › Kurzer Text 1 „name“ › Höchstlänge:" in messages
    assert "Schritt 1 „about“ › Felder › Einfachauswahl 2 „lang“ › Optionen:" in messages
