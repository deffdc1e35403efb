"""Another city downloads a form's definition where its editors chose to share it."""

from django.urls import reverse

import pytest

from forms_app.definition import import_definition
from tests.forms_app.factories import field, make_form_page, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_only_form(home):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    page = make_form_page(
        home,
        step("person", field("short_text", "name", "Name")),
        step("health", field("long_text", "notes", "Gesundheit")),
        title="Erstgespräch",
        slug="erstgespraech",
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Case managers"))
    page.notify_emails = "intern@example.invalid"
    page.save()
    return page


def url(page) -> str:
    return reverse("forms_public:definition", args=[page.pk])


def test_unshared_definition_is_not_public(client, staff_only_form):
    assert client.get(url(staff_only_form)).status_code == 404


def test_shared_definition_of_a_staff_only_form_downloads_without_answers(
    client, staff_only_form, home
):
    from forms_app.models import FormSubmission

    staff_only_form.share_definition = True
    staff_only_form.save()
    FormSubmission.objects.create(page=staff_only_form, answers={"name": "Geheim Person"})
    response = client.get(url(staff_only_form))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="erstgespraech.form.json"'
    body = response.content.decode()
    assert "Geheim Person" not in body and "intern@example.invalid" not in body
    assert [s["key"] for s in response.json()["steps"]] == ["person", "health"]
    copy = import_definition(response.content, home)  # another installation imports it
    assert [spec.key for spec in copy.form_specs()] == ["person", "health"]


def test_unpublished_form_is_not_public_even_if_shared(client, staff_only_form):
    staff_only_form.share_definition = True
    staff_only_form.save()
    staff_only_form.unpublish()
    assert client.get(url(staff_only_form)).status_code == 404
