"""Field types come from the registry: a new type (here a test-only one) needs no engine change."""

import ast
import pathlib
import sys

from django import forms

import pytest

from forms_app import blocks, registry
from forms_app.models import FormSubmission, WizardFormPage
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db

ENGINE = pathlib.Path(registry.__file__).parent


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


def project_apps() -> set[str]:
    """Top-level packages of the installed apps that live in this repository, forms_app aside."""
    import sysconfig

    from django.apps import apps
    from django.conf import settings

    base = pathlib.Path(settings.BASE_DIR).resolve()
    installed = pathlib.Path(sysconfig.get_paths()["purelib"]).resolve()  # .venv may sit in base
    return {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if pathlib.Path(config.path).resolve().is_relative_to(base)
        and not pathlib.Path(config.path).resolve().is_relative_to(installed)
    } - {"forms_app"}


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_the_guard_knows_the_project_apps():
    assert {"website", "partners", "casework", "dashboards", "knowledge"} <= project_apps()


def project_offenders(source: str, others: set[str]) -> list[str]:
    """Imports of a project app, and dotted names of one (``"website.HomePage"``)."""
    tree = ast.parse(source)
    found = [
        f"{line}: imports {module}"
        for line, module in imported_modules(tree)
        if module.split(".")[0] in others
    ]
    found += [
        f"{node.lineno}: names {node.value}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and "." in node.value
        and node.value.split(".")[0] in others
    ]
    return found


# What a migration may import: the standard library, Django, Wagtail, and of the engine only
# the modules that hold what its models refer to by path (a field class, storage, callables).
MIGRATION_IMPORTS = {"django", "wagtail", "forms_app.fields", "forms_app.storage"}


def migration_offenders(source: str) -> list[str]:
    return [
        f"{line}: imports {module}"
        for line, module in imported_modules(ast.parse(source))
        if module.split(".")[0] not in sys.stdlib_module_names
        and not any(module == p or module.startswith(p + ".") for p in MIGRATION_IMPORTS)
    ]


def test_forms_app_imports_no_project_app():
    others = project_apps()
    offenders = [
        f"{path.relative_to(ENGINE)}:{found}"
        for path in ENGINE.rglob("*.py")
        for found in project_offenders(path.read_text(encoding="utf-8"), others)
    ]
    assert offenders == []


def test_migrations_import_no_live_code():
    offenders = [
        f"{path.name}:{found}"
        for path in sorted((ENGINE / "migrations").glob("*.py"))
        for found in migration_offenders(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_guards_catch_what_they_guard_against():
    source = (
        "import json\nfrom django.db import migrations\nimport forms_app.fields\n"
        "from website.roles import CASE_MANAGERS\nimport forms_app.models.drafts\n"
        "from . import helpers\nparents = ['casework.Case', 'website']\n"
    )
    assert migration_offenders(source) == [
        "4: imports website.roles",
        "5: imports forms_app.models.drafts",
    ]
    assert project_offenders(source, {"website", "casework"}) == [
        "4: imports website.roles",
        "7: names casework.Case",
    ]


def test_every_block_has_editor_help_and_a_preview():
    stream = WizardFormPage._meta.get_field("steps").stream_block
    step = stream.child_blocks["step"]
    blocks_to_check = [step, *step.child_blocks["fields"].child_blocks.values()]
    for block in blocks_to_check:
        assert block.meta.icon and block.meta.description, block.name
        html = block.render(block.get_preview_value())
        assert "wf-preview" in html, block.name
