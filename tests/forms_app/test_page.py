"""The page type: editor validation of keys and conditions, versions, API, privacy."""

import json

from django.core.exceptions import ValidationError

import pytest

from forms_app.models import FormSubmission, WizardFormPage
from tests.forms_app.factories import field, make_form_page, step, when
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db


def test_duplicate_keys_are_refused_with_a_clear_error(three_step_form):
    page = three_step_form
    raw = page.steps.get_prep_value()
    raw[1]["value"]["fields"][0]["value"]["key"] = "name"
    page.steps = raw
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Der Feldschlüssel „name“ wird mehrfach verwendet" in str(error.value)


def test_condition_on_a_later_field_is_refused(home):
    page = make_form_page(home, step("a", field("short_text", "x")), slug="later")
    raw = page.steps.get_prep_value()
    raw[0]["value"]["condition"] = when("x", "answered")
    page.steps = raw
    with pytest.raises(ValidationError, match="kein Feld eines früheren Schritts"):
        page.full_clean()


def test_bad_notification_address(three_step_form):
    three_step_form.notify_emails = "ok@example.invalid, kaputt"
    with pytest.raises(ValidationError, match="„kaputt“ ist keine E-Mail-Adresse"):
        three_step_form.full_clean()


def fill(client, page, name):
    client.get(page.url)
    post_step(client, page, "person", name=name)
    post_step(client, page, "family", has_children="no")
    submit(client, page)


def test_submissions_keep_the_version_they_were_filled_against(client, three_step_form):
    page = three_step_form
    fill(client, page, "Erste")
    first_revision = page.live_revision
    page.intro = "Neue Fassung"
    page.save_revision().publish()
    page.refresh_from_db()
    fill(client, page, "Zweite")
    first, second = FormSubmission.objects.order_by("pk")
    assert first.revision == first_revision
    assert second.revision == page.live_revision != first_revision


def test_definition_in_the_api(client, three_step_form):
    response = client.get("/api/v2/pages/?type=forms_app.WizardFormPage&fields=definition")
    assert response.status_code == 200
    [item] = response.json()["items"]
    definition = item["definition"]
    assert definition["schema"] == "forms_app.wizard/2"
    assert [s["key"] for s in definition["steps"]] == ["person", "family", "health"]
    assert definition["steps"][1]["fields"][1]["condition"]["field"] == "has_children"
    json.dumps(definition)


def test_restricted_forms_do_not_leak_through_the_api(client, three_step_form):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=three_step_form, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Case managers"))
    response = client.get("/api/v2/pages/?type=forms_app.WizardFormPage&fields=definition")
    assert response.json()["items"] == []
    assert client.get(f"/api/v2/pages/{three_step_form.pk}/").status_code == 404


def test_restricted_form_needs_the_group(client, make_user, three_step_form):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=three_step_form, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Case managers"))
    assert client.get(three_step_form.url).status_code == 302  # to the login
    client.force_login(make_user("Editors"))
    assert client.get(three_step_form.url).status_code in (302, 403)
    client.force_login(make_user("Case managers"))
    assert client.get(three_step_form.url).status_code == 200
    assert not WizardFormPage.objects.get(pk=three_step_form.pk).is_public_form()
