"""A shared form, per language: the blank form to print and the definition to import."""

from django.urls import reverse

from wagtail.models import Locale

import pytest

from forms_app.definition import import_definition
from forms_app.printable import downloads
from forms_app.translation import translate_page
from tests.forms_app.factories import field, make_form_page, step

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Erstgespräch": "Intake",
    "Person": "Person",
    "Vorname": "First name",
    "Geschlecht": "Gender",
    "weiblich": "female",
    "männlich": "male",
    "Schritte": "Steps",
    "Schritt": "Step",
    "Bis wann": "By when",
    "Notizen": "Notes",
}


@pytest.fixture
def shared_form(home):
    page = make_form_page(
        home,
        step(
            "person",
            field("short_text", "first_name", "Vorname", required=True),
            field(
                "single_choice",
                "gender",
                "Geschlecht",
                choices=[
                    {"value": "female", "label": "weiblich"},
                    {"value": "male", "label": "männlich"},
                ],
            ),
            title="Person",
        ),
        step(
            "plan",
            field(
                "group",
                "steps",
                "Schritte",
                fields=[
                    {"type": "short_text", "key": "what", "label": "Schritt"},
                    {"type": "date", "key": "until", "label": "Bis wann"},
                ],
            ),
            field("long_text", "notes", "Notizen"),
            title="Schritte",
        ),
        title="Erstgespräch",
        slug="erstgespraech",
    )
    page.share_definition = True
    page.save_revision().publish()
    english, _created = Locale.objects.get_or_create(language_code="en")
    translate_page(page, english, ENGLISH)
    page.refresh_from_db()
    return page


def print_url(page, language: str) -> str:
    return reverse("forms_public:printable", args=[page.pk, language])


def test_the_blank_form_shows_every_step_field_and_choice_in_german(client, shared_form):
    response = client.get(print_url(shared_form, "de"))
    assert response.status_code == 200
    text = response.content.decode()
    assert '<html lang="de">' in text
    assert "<h1>Erstgespräch</h1>" in text
    for label in ("1. Person", "2. Schritte", "Vorname", "weiblich", "männlich", "Bis wann"):
        assert label in text
    assert 'title="Pflichtfeld"' in text or 'title="required"' in text  # marks required
    assert text.count('class="printable-blank"') >= 1 + 4  # a line for the name, 4 for notes
    assert "forms_app/css/printable.css" in text and "<style" not in text


def test_the_english_blank_form_has_the_translators_texts(client, shared_form):
    text = client.get(print_url(shared_form, "en")).content.decode()
    assert '<html lang="en">' in text and "<h1>Intake</h1>" in text
    assert "First name" in text and "female" in text and "By when" in text
    assert "Vorname" not in text and "weiblich" not in text


def test_each_language_links_its_own_print_and_definition(client, shared_form):
    links = downloads(shared_form)
    assert [link["language"] for link in links] == ["de", "en"]
    assert all(link["print_url"].startswith("/") for link in links)
    assert len({link["print_url"] for link in links}) == 2
    assert len({link["definition_url"] for link in links}) == 2
    english = client.get(links[1]["definition_url"])
    assert english.status_code == 200
    assert english["Content-Disposition"] == 'attachment; filename="erstgespraech.en.form.json"'
    assert english.json()["title"] == "Intake"
    assert english.json()["steps"][0]["fields"][0]["label"] == "First name"


def test_the_definition_of_a_language_imports_as_a_form(client, shared_form, home):
    body = client.get(reverse("forms_public:definition_in", args=[shared_form.pk, "de"]))
    copy = import_definition(body.content, home)
    assert [spec.key for spec in copy.form_specs()] == ["person", "plan"]


def test_an_unshared_form_or_unknown_language_is_not_offered(client, home, shared_form):
    assert client.get(print_url(shared_form, "xx")).status_code == 404
    private = make_form_page(home, step("a", field("short_text", "x", "X")), title="Intern")
    assert client.get(print_url(private, "de")).status_code == 404
    assert client.get(print_url(shared_form, "ar")).status_code == 404  # no such version


def test_a_staff_only_shared_form_prints_for_anyone_without_answers(client, shared_form):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from forms_app.models import FormSubmission

    restriction = PageViewRestriction.objects.create(
        page=shared_form, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Case managers"))
    FormSubmission.objects.create(page=shared_form, answers={"first_name": "Geheim"})
    response = client.get(print_url(shared_form, "de"))
    assert response.status_code == 200 and "Geheim" not in response.content.decode()
