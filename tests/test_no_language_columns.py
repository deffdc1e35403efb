"""Content in several languages uses Wagtail locales: no model field or block child may be a
per-language column like ``name_de`` / ``label_en``."""

import re

from django.apps import apps

from wagtail import blocks

import pytest

LANGUAGE_SUFFIX = re.compile(r"_(de|en|ar|fa|tr|uk|ru|ku|fr)$")
PROJECT_APPS = ["website", "partners", "knowledge", "casework", "dashboards", "forms_app"]


def project_models():
    for label in PROJECT_APPS:
        if label in {config.label for config in apps.get_app_configs()}:
            yield from apps.get_app_config(label).get_models()


def block_children(block, seen):
    if id(block) in seen:
        return
    seen.add(id(block))
    for name, child in getattr(block, "child_blocks", {}).items():
        yield name, child
        yield from block_children(child, seen)
    if isinstance(block, blocks.ListBlock):
        yield from block_children(block.child_block, seen)


def test_no_model_field_is_a_language_column():
    offenders = [
        f"{model._meta.label}.{field.name}"
        for model in project_models()
        for field in model._meta.get_fields()
        if LANGUAGE_SUFFIX.search(field.name)
    ]
    assert offenders == []


@pytest.mark.parametrize("app_label", PROJECT_APPS)
def test_no_block_child_is_a_language_column(app_label):
    from wagtail.fields import StreamField

    offenders = []
    for model in apps.get_app_config(app_label).get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, _child in block_children(field.stream_block, set()):
                    if LANGUAGE_SUFFIX.search(name):
                        offenders.append(f"{model._meta.label}.{field.name}: {name}")
    assert offenders == []
