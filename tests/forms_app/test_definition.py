"""A form definition exported as JSON and imported into another installation."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from forms_app.definition import DefinitionError, export_definition, import_definition
from forms_app.models import WizardFormPage
from tests.website.refusal import is_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("Programme administrators", username="paula"))
    return client


def test_round_trip(home, three_step_form):
    exported = export_definition(three_step_form)
    text = json.dumps(exported)
    copy = import_definition(text, home)
    assert copy.pk != three_step_form.pk and not copy.live
    assert copy.slug == "drei-schritte-2"  # the original keeps its slug
    again = export_definition(copy)
    assert {**again, "slug": exported["slug"]} == exported


def test_admin_export_and_import(admin_client, home, three_step_form):
    response = admin_client.get(reverse("forms_app:definition_export", args=[three_step_form.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="drei-schritte.form.json"'
    upload = SimpleUploadedFile("f.json", response.content, content_type="application/json")
    response = admin_client.post(
        reverse("forms_app:definition_import"), {"definition": upload, "parent": home.pk}
    )
    assert response.status_code == 302
    imported = WizardFormPage.objects.exclude(pk=three_step_form.pk).get()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[imported.pk])
    assert imported.get_parent().pk == home.pk
    assert [s.key for s in imported.form_specs()] == ["person", "family", "health"]


def definition(**changes) -> str:
    data = {
        "schema": "forms_app.wizard/2",
        "title": "T",
        "steps": [
            {
                "key": "a",
                "title": "A",
                "fields": [
                    {"type": "short_text", "key": "x", "label": "X"},
                ],
            },
        ],
    }
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "Die Datei ist kein gültiges JSON"),
        (json.dumps({"schema": "other"}), "Dies ist keine Formulardefinition"),
        (definition(steps=[]), "Die Definition hat keine Schritte."),
        (
            definition(
                steps=[{"key": "a", "title": "A", "fields": [{"type": "nope", "key": "x"}]}]
            ),
            "unbekannter Feldtyp „nope“",
        ),
        (
            definition(
                steps=[
                    {
                        "key": "a",
                        "title": "A",
                        "fields": [
                            {"type": "short_text", "key": "x", "label": "X"},
                            {"type": "number", "key": "x", "label": "Y"},
                        ],
                    }
                ]
            ),
            "Der Feldschlüssel „x“ wird mehrfach verwendet",
        ),
        (
            definition(
                steps=[
                    {
                        "key": "a",
                        "title": "A",
                        "fields": [
                            {"type": "short_text", "key": "Bad Key!", "label": "X"},
                        ],
                    }
                ]
            ),
            "Kleinbuchstaben",
        ),
    ],
)
def test_bad_definitions_get_clear_errors(admin_client, home, text, message):
    with pytest.raises(DefinitionError) as error:
        import_definition(text, home)
    assert message in " ".join(error.value.errors)
    upload = SimpleUploadedFile("f.json", text.encode(), content_type="application/json")
    response = admin_client.post(
        reverse("forms_app:definition_import"), {"definition": upload, "parent": home.pk}
    )
    assert response.status_code == 200
    assert message.replace("„", "&bdquo;") in response.content.decode() or message in (
        response.content.decode()
    )
    assert not WizardFormPage.objects.exists()


def test_script_in_an_imported_label_is_escaped(client, home):
    page = import_definition(
        definition(
            steps=[
                {
                    "key": "a",
                    "title": "<img src=x onerror=alert(1)>",
                    "fields": [
                        {"type": "short_text", "key": "x", "label": "<script>alert(1)</script>"},
                    ],
                }
            ]
        ),
        home,
    )
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in body and "<img src=x" not in body


def test_import_needs_page_permission(client, make_user, home):
    """Offered only to those who may add a form somewhere, and refused to everyone else."""
    client.force_login(make_user("Case managers"))
    url = reverse("forms_app:definition_import")
    assert url not in client.get(reverse("forms_app:index")).content.decode()
    assert is_refused(client.get(url))
    upload = SimpleUploadedFile("f.json", definition().encode(), content_type="application/json")
    assert is_refused(client.post(url, {"definition": upload, "parent": home.pk}))
    assert not WizardFormPage.objects.exists()


def test_administrators_are_offered_the_import(client, make_user, home):
    client.force_login(make_user("Programme administrators"))
    assert reverse("forms_app:definition_import") in (
        client.get(reverse("forms_app:index")).content.decode()
    )


def test_a_version_1_definition_with_german_and_english_texts_still_imports(home):
    """Definitions downloaded before forms had one text per block: the German texts are kept."""
    old = {
        "schema": "forms_app.wizard/1",
        "title": "Alt",
        "steps": [
            {
                "key": "a",
                "title_de": "Schritt",
                "title_en": "Step",
                "fields": [
                    {
                        "type": "single_choice",
                        "key": "x",
                        "label_de": "Frage",
                        "label_en": "Question",
                        "choices": [{"value": "v", "label_de": "Ja", "label_en": "Yes"}],
                    },
                ],
            },
        ],
    }
    page = import_definition(json.dumps(old), home)
    step = page.steps[0].value
    assert step["title"] == "Schritt"
    assert step["fields"][0].value["label"] == "Frage"
    assert step["fields"][0].value["choices"][0]["label"] == "Ja"
    assert export_definition(page)["schema"] == "forms_app.wizard/2"
