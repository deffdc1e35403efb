"""Field types come from the registry: a new type (here a test-only one) needs no engine change."""

from django import forms

import pytest

from forms_app import blocks, registry
from forms_app.models import FormSubmission, WizardFormPage
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db


class ColourBlock(blocks.FieldBlock):
    class Meta:
        icon = "image"
        label = "Colour"
        description = "A colour as #rrggbb."


@pytest.fixture
def colour_type():
    def reset():
        WizardFormPage._meta.get_field("steps").reset_blocks()

    field_type = registry.register_field_type(
        registry.FieldType(
            "test_colour",
            ColourBlock(),
            lambda value: forms.RegexField(r"^#[0-9a-f]{6}$", label=value["label"]),
            to_json=str.upper,
            display=lambda stored, value: f"Farbe {stored}",
        )
    )
    reset()
    yield field_type
    registry.unregister_field_type("test_colour")
    reset()


def test_builtin_types_are_registered():
    assert {
        "short_text",
        "long_text",
        "email",
        "phone",
        "number",
        "date",
        "yes_no",
        "single_choice",
        "multiple_choice",
        "consent",
        "file",
        "heading",
        "group",
    } <= set(registry.field_types())


def test_a_registered_type_is_offered_in_the_editor_and_works_in_the_wizard(
    client, home, colour_type
):
    stream = WizardFormPage._meta.get_field("steps").stream_block
    assert "test_colour" in stream.child_blocks["step"].child_blocks["fields"].child_blocks
    page = make_form_page(home, step("only", field("test_colour", "fav", "Lieblingsfarbe")))
    client.get(page.url)
    response = post_step(client, page, "only", fav="grün")
    assert response.status_code == 200 and "fav" in response.context["form"].errors
    response = post_step(client, page, "only", fav="#00ff00")
    assert "Farbe #00FF00" in response.content.decode()  # the review uses the type's display
    submit(client, page)
    assert FormSubmission.objects.get().answers == {"fav": "#00FF00"}


def test_forms_app_imports_no_domain_app():
    import pathlib
    import re

    source = pathlib.Path(registry.__file__).parent
    pattern = re.compile(
        r"^\s*(from|import)\s+(website|partners|casework|dashboards|knowledge)\b", re.M
    )
    offenders = [p.name for p in source.rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_every_block_has_editor_help_and_a_preview():
    stream = WizardFormPage._meta.get_field("steps").stream_block
    step = stream.child_blocks["step"]
    blocks_to_check = [step, *step.child_blocks["fields"].child_blocks.values()]
    for block in blocks_to_check:
        assert block.meta.icon and block.meta.description, block.name
        html = block.render(block.get_preview_value())
        assert "wf-preview" in html, block.name
