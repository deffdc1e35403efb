"""The data migration moves bilingual blocks and English copies into one structure per form."""

import importlib

from django.apps import apps
from django.db import models

from wagtail.models import Locale

import pytest

from forms_app.models import FormSubmission, WizardFormPage
from forms_app.translation import steps_structure
from tests.forms_app.factories import field, make_form_page, step

pytestmark = pytest.mark.django_db
migration = importlib.import_module("forms_app.migrations.0004_one_structure_per_form")
NO_CONDITION = {"field": "", "operator": "equals", "values": ""}


def old_field(type_name, key, de, en="", **options):
    return {
        "type": type_name,
        "value": {
            "key": key,
            "label_de": de,
            "label_en": en,
            "help_de": "",
            "help_en": "",
            "required": False,
            "condition": NO_CONDITION,
            **options,
        },
    }


def old_step(key, de, en, *fields):
    return {
        "type": "step",
        "value": {
            "key": key,
            "title_de": de,
            "title_en": en,
            "intro_de": "",
            "intro_en": "",
            "condition": NO_CONDITION,
            "fields": list(fields),
        },
    }


def set_raw(page, steps):
    WizardFormPage.objects.filter(pk=page.pk).update(
        steps=models.Value(steps, output_field=models.JSONField())
    )
    revision = page.latest_revision
    revision.content["steps"] = steps
    revision.save()


def test_migration_moves_texts_and_gives_the_english_copy_the_german_structure(home):
    german = make_form_page(home, step("s", field("short_text", "name")), title="Kontakt")
    english = german.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    choices = [
        {"type": "item", "id": "c1", "value": {"value": "a", "label_de": "Eins", "label_en": "One"}}
    ]
    set_raw(
        german,
        [
            old_step(
                "s",
                "Schritt",
                "Step",
                old_field("short_text", "name", "Name", "Name"),
                old_field("single_choice", "topic", "Thema", "", choices=choices, widget="radio"),
                {
                    "type": "heading",
                    "value": {
                        "heading_de": "Hinweis",
                        "heading_en": "Note",
                        "text_de": "",
                        "text_en": "",
                        "condition": NO_CONDITION,
                    },
                },
                old_field("consent", "ok", "Zustimmung", "Consent", text_de="Ja.", text_en=""),
            ),
        ],
    )
    # the English copy drifted: "topic" has its own English, "ok" is missing, "extra" is new
    set_raw(
        english,
        [
            old_step(
                "s",
                "Schritt",
                "Your step",
                old_field(
                    "single_choice",
                    "topic",
                    "Thema",
                    "Subject",
                    widget="radio",
                    choices=[{"value": "a", "label_de": "Eins", "label_en": "First"}],
                ),
                old_field("short_text", "extra", "Extra", "Extra"),
            ),
        ],
    )
    FormSubmission.objects.create(page=english, answers={"topic": "a"})
    migration.migrate_forms(apps, None)

    german = WizardFormPage.objects.get(pk=german.pk)
    english = WizardFormPage.objects.get(pk=english.pk)
    german_fields = german.steps[0].value["fields"]
    assert german.steps[0].value["title"] == "Schritt"
    assert [child.value.get("label") for child in german_fields] == [
        "Name",
        "Thema",
        None,
        "Zustimmung",
    ]
    assert german_fields[1].value["choices"][0]["label"] == "Eins"
    assert german_fields[2].value["heading"] == "Hinweis"
    assert german_fields[3].value["text"] == "Ja."
    # English: the German structure, its own English where it had one, else the German page's
    assert steps_structure(english) == steps_structure(german)
    english_fields = english.steps[0].value["fields"]
    assert english.steps[0].value["title"] == "Your step"
    assert english_fields[1].value["label"] == "Subject"
    assert english_fields[1].value["choices"][0]["label"] == "First"
    assert english_fields[2].value["heading"] == "Note"
    assert english_fields[3].value["label"] == "Consent"
    assert english_fields[3].value["text"] == "Ja."
    assert [c.id for c in english.steps[0].value["fields"]] == [c.id for c in german_fields]
    latest = english.latest_revision.as_object()
    assert steps_structure(latest) == steps_structure(german)
    # the English copy's submissions join the German list, with their language
    submission = FormSubmission.objects.get(page=english)
    assert submission.language == "en"
    assert list(FormSubmission.objects.for_page(german)) == [submission]
