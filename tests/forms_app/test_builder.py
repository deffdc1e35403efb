"""The builder: keys made from labels, conditions checked against the fields before them,
"who may fill this form" kept in Wagtail's page privacy, answered fields protected."""

from django.urls import reverse

import pytest

from forms_app.keys import key_from_label
from tests.forms_app.editor import editor_data
from tests.forms_app.factories import field, make_form_page, step, when

pytestmark = pytest.mark.django_db

ADMINS = "Programme administrators"


def option(label: str, value: str = "") -> dict:
    return {"label": label, "value": value}


@pytest.mark.parametrize(
    ("label", "taken", "expected"),
    [
        ("Größe in cm", [], "groesse_in_cm"),
        ("Größe in cm", ["groesse_in_cm"], "groesse_in_cm_2"),
        ("Größe in cm", ["groesse_in_cm", "groesse_in_cm_2"], "groesse_in_cm_3"),
        ("Çelik – Straße & Nr.", [], "celik_strasse_nr"),
        ("1. Wahl", [], "field_1_wahl"),
        ("الاسم", [], "field"),
        ("", ["field"], "field_2"),
    ],
)
def test_key_from_label(label, taken, expected):
    assert key_from_label(label, taken) == expected


def test_a_long_label_gives_a_valid_key():
    from forms_app.blocks import KEY_VALIDATOR

    key = key_from_label("Wie viele Jahre haben Sie insgesamt in Ihrem erlernten Beruf gearbeitet?")
    KEY_VALIDATOR(key)
    assert len(key) <= 50 and key.startswith("wie_viele_jahre")


def test_blank_keys_and_choice_values_are_made_from_the_labels(home):
    page = make_form_page(
        home,
        step(
            "",
            field("short_text", "", "Name"),
            field("short_text", "", "Name"),
            field("single_choice", "", "Anliegen", choices=[option("Arbeit"), option("Wohnen")]),
            title="Zur Person",
        ),
        step("", field("consent", "", "Einwilligung", text="Ich willige ein."), title="Zur Person"),
    )
    specs = page.form_specs()
    assert [spec.key for spec in specs] == ["zur_person", "zur_person_2"]
    assert [item.key for item in specs[0].items] == ["name", "name_2", "anliegen"]
    choices = specs[0].items[2].value["choices"]
    assert [c["value"] for c in choices] == ["arbeit", "wohnen"]


def test_a_typed_key_and_value_are_kept(home):
    page = make_form_page(
        home,
        step(
            "about",
            field("single_choice", "topic", "Anliegen", choices=[option("Arbeit", "job")]),
        ),
    )
    item = page.form_specs()[0].items[0]
    assert item.key == "topic" and item.value["choices"][0]["value"] == "job"


def steps_block():
    from forms_app.models import WizardFormPage

    return WizardFormPage._meta.get_field("steps").stream_block


def raw(*steps: dict) -> list:
    import json

    from forms_app.definition import SCHEMA, parse_definition

    return parse_definition(json.dumps({"schema": SCHEMA, "title": "T", "steps": steps}))["steps"]


def clean_error(*steps: dict):
    from django.core.exceptions import ValidationError

    block = steps_block()
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw(*steps)))
    return caught.value


def test_a_condition_on_a_later_field_is_an_error_on_its_own_block():
    error = clean_error(
        step(
            "a",
            field("short_text", "city", "Ort", condition=when("moved", "equals", "yes")),
            field("yes_no", "moved", "Umgezogen?"),
        )
    )
    condition = error.block_errors[0].block_errors["fields"].block_errors[0]
    message = condition.block_errors["condition"].block_errors["field"].messages[0]
    assert "moved" in message and "kein früheres Feld" in message
    assert 1 not in error.block_errors[0].block_errors["fields"].block_errors


def test_a_condition_value_must_be_one_of_the_fields_options():
    choices = [option("Arbeit", "job"), option("Wohnen", "housing")]
    error = clean_error(
        step("a", field("single_choice", "topic", "Anliegen", choices=choices)),
        step(
            "b", field("short_text", "job_title", "Beruf"), condition=when("topic", "equals", "jb")
        ),
    )
    messages = error.block_errors[1].block_errors["condition"].block_errors["values"].messages
    assert messages == ["„jb“ ist keine Option von „Anliegen“ (Optionen: Arbeit, Wohnen)."]


@pytest.mark.parametrize(
    ("type_name", "value", "fault"),
    [
        ("yes_no", "vielleicht", "keine Option"),
        ("number", "zwei", "keine Zahl"),
        ("date", "1.2.2026", "kein Datum"),
        ("yes_no", "", "Wählen Sie die Antwort"),
    ],
)
def test_condition_values_are_checked_against_the_fields_type(type_name, value, fault):
    error = clean_error(
        step(
            "a",
            field(type_name, "first", "Erstes"),
            field("short_text", "second", "Zweites", condition=when("first", "equals", value)),
        )
    )
    fields = error.block_errors[0].block_errors["fields"]
    assert (
        fault in fields.block_errors[1].block_errors["condition"].block_errors["values"].messages[0]
    )


def test_valid_conditions_pass():
    block = steps_block()
    steps = raw(
        step(
            "a",
            field("yes_no", "moved", "Umgezogen?"),
            field("date", "since", "Seit", condition=when("moved", "equals", "Yes")),
            field("number", "rooms", "Zimmer", condition=when("since", "answered")),
            field("short_text", "n", "N", condition=when("rooms", "is_not", "2.5")),
        )
    )
    assert len(block.clean(block.to_python(steps))) == 1


def test_consent_is_required_by_default():
    from forms_app.blocks import ConsentBlock, ShortTextBlock

    assert ConsentBlock().get_default()["required"] is True
    assert not ShortTextBlock().get_default()["required"]


# --- the page editor ---------------------------------------------------------------------------


def add_url(home) -> str:
    return reverse("wagtailadmin_pages:add", args=["forms_app", "wizardformpage", home.pk])


def new_form_data(**extra) -> dict:
    data = {
        "title": "Neues Formular",
        "slug": "neues-formular",
        "retention_action": "anonymise",
        "steps-count": "1",
        "steps-0-type": "step",
        "steps-0-deleted": "",
        "steps-0-order": "0",
        "steps-0-value-title": "Zur Person",
        "steps-0-value-key": "",
        "steps-0-value-condition-operator": "equals",
        "steps-0-value-fields-count": "1",
        "steps-0-value-fields-0-type": "short_text",
        "steps-0-value-fields-0-deleted": "",
        "steps-0-value-fields-0-order": "0",
        "steps-0-value-fields-0-value-label": "Vor- und Nachname",
        "steps-0-value-fields-0-value-key": "",
        "steps-0-value-fields-0-value-condition-operator": "equals",
        "action-publish": "publish",
    }
    data.update(extra)
    return data


def staff_radio(body: str) -> str:
    import re

    return re.search(r'<input[^>]*name="audience" value="staff"[^>]*>', body).group(0)


def test_the_editor_offers_staff_only_for_a_new_form(client, make_user, home):
    client.force_login(make_user(ADMINS))
    body = client.get(add_url(home)).content.decode()
    assert "checked" in staff_radio(body)
    assert "Wer dieses Formular ausfüllen darf" in body and "forms_app/js/builder.js" in body


def test_a_new_form_published_without_touching_privacy_is_not_public(client, make_user, home):
    """The editor posts the audience it showed (staff only); Wagtail's own default privacy for a
    new form page is the same, so even a post without the setting is restricted."""
    from wagtail.models import PageViewRestriction

    from forms_app.models import WizardFormPage

    client.force_login(make_user(ADMINS))
    response = client.post(add_url(home), new_form_data())
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = WizardFormPage.objects.get(slug="neues-formular")
    assert page.live
    assert [(r.restriction_type) for r in PageViewRestriction.objects.filter(page=page)] == [
        PageViewRestriction.LOGIN
    ]
    assert page.form_specs()[0].key == "zur_person"
    assert page.form_specs()[0].items[0].key == "vor_und_nachname"
    client.logout()
    assert client.get(page.url).status_code == 302  # to the login


def test_a_form_opened_to_everyone_or_chosen_groups(client, make_user, home):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from forms_app.models import WizardFormPage

    client.force_login(make_user(ADMINS))
    client.post(add_url(home), new_form_data(audience="everyone"))
    page = WizardFormPage.objects.get(slug="neues-formular")
    assert not PageViewRestriction.objects.filter(page=page).exists()
    assert client.get(page.url).status_code == 200

    group = Group.objects.get(name="Case managers")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit, editor_data(page, audience="groups", **{"action-publish": "1"}))
    assert response.status_code == 200
    assert "Wählen Sie mindestens eine Gruppe." in response.content.decode()
    data = editor_data(
        page, audience="groups", audience_groups=[group.pk], **{"action-publish": "1"}
    )
    assert client.post(edit, data).status_code == 302
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.all()) == [group]
    # the editor shows what the privacy says, also when it was set in Wagtail's privacy dialog
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    assert "checked" in staff_radio(client.get(edit).content.decode())


@pytest.fixture
def answered_form(home):
    from forms_app.models import FormSubmission

    page = make_form_page(
        home,
        step(
            "about",
            field("short_text", "name", "Name"),
            field("single_choice", "topic", "Anliegen", choices=[option("Arbeit", "job")]),
            field("short_text", "city", "Ort"),
        ),
    )
    for number in range(3):
        FormSubmission.objects.create(page=page, answers={"name": f"P{number}", "topic": "job"})
    FormSubmission.objects.create(page=page, answers={"name": "P3"})
    return page


def fields_of(page):
    from forms_app.models import WizardFormPage

    return [item.key for item in WizardFormPage.objects.get(pk=page.pk).form_specs()[0].items]


def test_a_key_holding_answers_cannot_change(client, make_user, answered_form):
    client.force_login(make_user(ADMINS))
    edit = reverse("wagtailadmin_pages:edit", args=[answered_form.pk])
    body = client.get(edit).content.decode()
    assert 'data-answer-counts="{&quot;name&quot;: 4, &quot;topic&quot;: 3}"' in body
    renamed = {"steps-0-value-fields-0-value-key": "full_name", "action-publish": "1"}
    response = client.post(edit, editor_data(answered_form, **renamed))
    assert response.status_code == 200
    error = response.context["form"].errors["steps"].as_data()[0]
    key_error = error.block_errors[0].block_errors["fields"].block_errors[0].block_errors["key"]
    assert "4 Eingänge enthalten Antworten unter dem Schlüssel „name“" in key_error.messages[0]
    assert fields_of(answered_form) == ["name", "topic", "city"]
    # a key without answers may still change
    renamed = {"steps-0-value-fields-2-value-key": "town", "action-publish": "1"}
    assert client.post(edit, editor_data(answered_form, **renamed)).status_code == 302
    assert fields_of(answered_form) == ["name", "topic", "town"]


def test_a_choice_value_holding_answers_cannot_change(client, make_user, answered_form):
    client.force_login(make_user(ADMINS))
    edit = reverse("wagtailadmin_pages:edit", args=[answered_form.pk])
    body = client.get(edit).content.decode()
    assert 'data-fixed-values="{&quot;topic&quot;: [&quot;job&quot;]}"' in body
    value = "steps-0-value-fields-1-value-choices-0-value-value"
    response = client.post(
        edit, editor_data(answered_form, **{value: "work", "action-publish": "1"})
    )
    assert response.status_code == 200
    error = response.context["form"].errors["steps"].as_data()[0]
    field_error = error.block_errors[0].block_errors["fields"].block_errors[1]
    value_error = field_error.block_errors["choices"].block_errors[0].block_errors["value"]
    assert "der gespeicherte Wert „job“ nicht ändern" in value_error.messages[0]
    assert (
        "daher kann sich der gespeicherte Wert" in response.content.decode()
    )  # shown on the block
    # the label may change, and a new option gets its own value
    data = editor_data(
        answered_form,
        **{
            "steps-0-value-fields-1-value-choices-0-value-label": "Arbeit und Beruf",
            "steps-0-value-fields-1-value-choices-count": "2",
            "steps-0-value-fields-1-value-choices-1-id": "",
            "steps-0-value-fields-1-value-choices-1-deleted": "",
            "steps-0-value-fields-1-value-choices-1-order": "1",
            "steps-0-value-fields-1-value-choices-1-value-label": "Wohnen",
            "steps-0-value-fields-1-value-choices-1-value-value": "",
            "action-publish": "1",
        },
    )
    assert client.post(edit, data).status_code == 302
    from forms_app.models import WizardFormPage

    topic = WizardFormPage.objects.get(pk=answered_form.pk).steps[0].value["fields"][1]
    options = [(o["label"], o["value"]) for o in topic.value["choices"]]
    assert options == [("Arbeit und Beruf", "job"), ("Wohnen", "wohnen")]


def test_choice_values_of_a_field_without_answers_may_change(client, make_user, answered_form):
    from forms_app.models import FormSubmission

    FormSubmission.objects.filter(page=answered_form, answers__has_key="topic").delete()
    client.force_login(make_user(ADMINS))
    edit = reverse("wagtailadmin_pages:edit", args=[answered_form.pk])
    value = "steps-0-value-fields-1-value-choices-0-value-value"
    data = editor_data(answered_form, **{value: "work", "action-publish": "1"})
    assert client.post(edit, data).status_code == 302


def test_deleting_a_field_with_answers_asks_for_confirmation(client, make_user, answered_form):
    client.force_login(make_user(ADMINS))
    edit = reverse("wagtailadmin_pages:edit", args=[answered_form.pk])
    deleted = {"steps-0-value-fields-1-deleted": "1", "action-publish": "1"}
    response = client.post(edit, editor_data(answered_form, **deleted))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Diese Felder enthalten Antworten: „Anliegen“ (entfernt): 3 Antworten." in body
    assert fields_of(answered_form) == ["name", "topic", "city"]
    # a draft keeps the change without asking; publishing it asks
    draft = {"steps-0-value-fields-1-deleted": "1"}
    assert client.post(edit, editor_data(answered_form, **draft)).status_code == 302
    confirmed = {**deleted, "confirm_answer_loss": "on"}
    assert client.post(edit, editor_data(answered_form, **confirmed)).status_code == 302
    assert fields_of(answered_form) == ["name", "city"]


def test_a_new_field_of_another_type_under_an_answered_key_asks_too(
    client, make_user, answered_form
):
    client.force_login(make_user(ADMINS))
    edit = reverse("wagtailadmin_pages:edit", args=[answered_form.pk])
    data = editor_data(answered_form, **{"action-publish": "1"})
    # the choice field deleted, a long text added with its key
    data["steps-0-value-fields-1-deleted"] = "1"
    data.update(
        {
            "steps-0-value-fields-count": "4",
            "steps-0-value-fields-3-type": "long_text",
            "steps-0-value-fields-3-deleted": "",
            "steps-0-value-fields-3-order": "3",
            "steps-0-value-fields-3-value-label": "Anliegen",
            "steps-0-value-fields-3-value-key": "topic",
            "steps-0-value-fields-3-value-condition-operator": "equals",
        }
    )
    body = client.post(edit, data).content.decode()
    assert "„Anliegen“ (Typ geändert): 3 Antworten" in body


def test_a_faulty_condition_is_shown_on_its_block_after_a_failed_save(
    client, make_user, answered_form
):
    client.force_login(make_user(ADMINS))
    edit = reverse("wagtailadmin_pages:edit", args=[answered_form.pk])
    data = editor_data(
        answered_form,
        **{
            "steps-0-value-fields-0-value-condition-field": "city",
            "steps-0-value-fields-0-value-condition-values": "Wuppertal",
        },
    )
    response = client.post(edit, data)
    assert response.status_code == 200
    errors = response.context["form"].errors["steps"].as_data()[0]
    condition = errors.block_errors[0].block_errors["fields"].block_errors[0]
    assert "city" in condition.block_errors["condition"].block_errors["field"].messages[0]


def test_the_page_listing_says_who_may_fill_each_form_without_a_query_per_row(
    client, make_user, home
):
    """The audience is read in the listing's own query (Wagtail's listing does per-row work of
    its own, so only the privacy queries are counted here)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import PageViewRestriction

    def privacy_queries() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            body = client.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
        return body, sum("pageviewrestriction" in q["sql"] for q in queries.captured_queries)

    client.force_login(make_user(ADMINS))
    first = make_form_page(home, step("a", field("short_text", "x")), slug="eins")
    PageViewRestriction.objects.create(page=first, restriction_type=PageViewRestriction.LOGIN)
    body, with_one = privacy_queries()
    assert "Wer ausfüllen darf: Nur Mitarbeitende" in body
    for number in range(4):
        make_form_page(home, step("a", field("short_text", "x")), slug=f"offen-{number}")
    body, with_five = privacy_queries()
    assert body.count("Wer ausfüllen darf: Öffentlich") == 4
    assert with_five == with_one


def test_who_may_fill_applies_to_every_language_version(client, make_user, home):
    from wagtail.models import Locale, PageViewRestriction

    from forms_app.translation import translate_page

    page = make_form_page(home, step("a", field("short_text", "name", "Name")), slug="sprachen")
    english = translate_page(page, Locale.objects.get(language_code="en"), {"Name": "Name"})
    assert not PageViewRestriction.objects.filter(page=english).exists()
    client.force_login(make_user(ADMINS))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.post(edit, editor_data(page, **{"action-publish": "1"})).status_code == 302
    types = {r.page_id: r.restriction_type for r in PageViewRestriction.objects.all()}
    assert types == {page.pk: PageViewRestriction.LOGIN, english.pk: PageViewRestriction.LOGIN}
