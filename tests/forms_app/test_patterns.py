"""Patterns editors type run in a linear-time engine and are refused at save when they cannot."""

import json

from django.core.exceptions import ValidationError

import pytest

from forms_app.blocks import ShortTextBlock
from forms_app.definition import SCHEMA, DefinitionError, import_definition
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.test_fields import step_form

pytestmark = pytest.mark.django_db


def pattern_definition(pattern: str) -> str:
    return json.dumps(
        {
            "schema": SCHEMA,
            "title": "Muster",
            "steps": [step("about", field("short_text", "plz", "PLZ", pattern=pattern))],
        }
    )


def short_text_value(pattern: str):
    block = ShortTextBlock()
    return block, block.to_python(
        {"key": "plz", "label": "PLZ", "pattern": pattern, "condition": {}}
    )


def test_catastrophic_backtracking_pattern_answers_at_once(home):
    """Python's re needs about 2**50 steps for this answer; the test asserts that it returns."""
    pattern = field("short_text", "word", "Wort", pattern="(a+)+$", pattern_message="Nur a")
    form = step_form(home, pattern, data={"only-word": "a" * 50 + "!"})
    assert not form.is_valid()
    assert form.errors["word"] == ["Nur a"]
    assert step_form(home, pattern, data={"only-word": "b" + "a" * 50}).is_valid()


def test_matching_and_non_matching_answers(home):
    postcode = field("short_text", "plz", "PLZ", pattern=r"^[0-9]{5}$")
    assert step_form(home, postcode, data={"only-plz": "42103"}).is_valid()
    form = step_form(home, postcode, data={"only-plz": "4210"})
    assert not form.is_valid()


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [("([", "missing ]"), (r"(a)\1", "invalid escape"), ("(?=a)b", "perl operator")],
)
def test_page_editor_refuses_a_pattern_it_cannot_run(pattern, reason):
    block, value = short_text_value(pattern)
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    messages = error.value.block_errors["pattern"].messages
    assert len(messages) == 1
    assert "kein gültiger regulärer Ausdruck" in messages[0]
    assert reason in messages[0]


def test_page_editor_accepts_a_good_pattern():
    block, value = short_text_value(r"^[0-9]{5}$")
    assert block.clean(value)["pattern"] == r"^[0-9]{5}$"


def test_import_refuses_an_invalid_pattern_naming_the_field(home):
    with pytest.raises(DefinitionError) as error:
        import_definition(pattern_definition("(["), home)
    text = " ".join(error.value.errors)
    assert "plz" in text and "kein gültiger regulärer Ausdruck" in text
    assert "{" not in text  # a sentence, not a JSON dump


def test_a_stored_pattern_that_cannot_compile_never_breaks_the_form(home, client):
    """Pages saved before patterns were checked may hold one: the form still answers."""
    page = make_form_page(home, step("about", field("short_text", "plz", "PLZ")))
    raw = page.steps.get_prep_value()
    raw[0]["value"]["fields"][0]["value"]["pattern"] = "(["
    page.steps = raw
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.steps[0].value["fields"][0].value["pattern"] == "(["
    client.get(page.url)
    response = client.post(page.url, {f"page_{page.pk}-current_step": "about", "about-plz": "x"})
    assert response.status_code == 200


def test_word_characters_include_umlauts_as_they_did_with_python_re(home):
    name = field("short_text", "name", "Name", pattern=r"^[\w -]+$")
    assert step_form(home, name, data={"only-name": "Hans-Jürgen Müller"}).is_valid()
    assert not step_form(home, name, data={"only-name": "Müller!"}).is_valid()


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        (r"^\w+$", "Grüße", True),
        (r"^\W+$", "ü", False),
        (r"^[]\w]+$", "]ä", True),
        (r"^[[:alpha:]\w]+$", "aé", True),
        (r"^\\w$", "\\w", True),  # an escaped backslash, then a plain "w"
    ],
)
def test_unicode_word_rewriting(pattern, text, matches):
    from forms_app.patterns import compile_pattern

    assert bool(compile_pattern(pattern).search(text)) is matches
