"""Submission actions come from a registry: the engine runs an action it knows nothing about
(a test-only one registered here), in the submission's transaction, with an optional context."""

import datetime
import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404

import pytest

from forms_app import actions
from forms_app.models import FormSubmission, SubmissionFile, WizardFormPage
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db

RECEIVED: list[actions.ActionCall] = []
ROOMS = {"7": "Raum 7", "8": "Raum 8"}


def resolve_room(request, raw_id):
    """Rooms 7 and 8 exist; only staff may use room 8."""
    if raw_id == "8" and not request.user.is_staff:
        return None
    return ROOMS.get(raw_id)


def record_booking(call: actions.ActionCall):
    if call.values.get("guest") == "Niemand":
        raise ValidationError("Für niemanden kann nichts gebucht werden.")
    RECEIVED.append(call)
    return actions.ActionOutcome(url="/gebucht/", message=f"Gebucht: {call.values['guest']}")


@pytest.fixture
def booking_action():
    RECEIVED.clear()
    action = actions.register_action(
        actions.SubmissionAction(
            name="tests.book_room",
            label="Raum buchen",
            run=record_booking,
            attributes=(
                actions.Attribute("guest", "Gast", required=True),
                actions.Attribute("arrival", "Anreise", kind=actions.DATE),
                actions.Attribute("nights", "Nächte", kind=actions.NUMBER),
                actions.Attribute("extras", "Extras", kind=actions.CHOICES),
            ),
            context=actions.ActionContext("room", resolve_room, lambda room: f"Für {room}"),
        )
    )
    yield action
    actions.unregister_action("tests.book_room")


@pytest.fixture
def booking_form(home, booking_action):
    page = make_form_page(
        home,
        step(
            "guest",
            field("short_text", "name", "Name"),
            field("date", "arrives", "Ankunft"),
            field("number", "nights", "Nächte"),
            field(
                "multiple_choice",
                "extras",
                "Extras",
                choices=[
                    {"value": "breakfast", "label": "Frühstück"},
                    {"value": "parking", "label": "Parkplatz"},
                ],
            ),
            field("file", "passport", "Ausweis"),
        ),
        title="Buchung",
        slug="buchung",
    )
    page.submission_action = booking_action.name
    page.action_mapping = {"guest": "name", "arrival": "arrives", "nights": "nights"}
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def fill(client, page, name="Ada Müller", **extra):
    client.get(page.url, extra.pop("query", {}))
    return post_step(
        client,
        page,
        "guest",
        name=name,
        arrives="2026-03-01",
        nights="3",
        extras=["parking"],
        **extra,
    )


def test_the_engine_runs_a_registered_action_with_the_mapped_values(client, booking_form):
    fill(client, booking_form)
    response = submit(client, booking_form)
    assert response.status_code == 302 and response["Location"] == "/gebucht/"
    [call] = RECEIVED
    submission = FormSubmission.objects.get()
    assert call.submission == submission
    assert call.values == {
        "guest": "Ada Müller",
        "arrival": datetime.date(2026, 3, 1),
        "nights": Decimal("3"),
    }  # "extras" was not mapped to a field, so the action gets no value for it
    assert call.answers["extras"] == ["parking"] and call.context is None


def test_a_refusing_action_stores_nothing_and_keeps_the_answers(
    client, booking_form, private_root, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("pass.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    fill(client, booking_form, name="Niemand", passport=upload)
    response = submit(client, booking_form)
    assert response.status_code == 200
    assert "Für niemanden kann nichts gebucht werden." in response.content.decode()
    assert response.context["is_review"]  # still on the last step
    assert not FormSubmission.objects.exists() and not SubmissionFile.objects.exists()
    stored = private_root / "submissions"
    assert not stored.exists() or not any(p.is_file() for p in stored.rglob("*"))
    # The answers are kept: sending the name again from the first step and resubmitting works.
    post_step(client, booking_form, "guest", name="Grace", arrives="2026-03-01", nights="3")
    assert submit(client, booking_form).status_code == 302
    assert FormSubmission.objects.get().answers["name"] == "Grace"


def test_a_required_attribute_left_empty_is_refused_with_its_label(client, booking_form):
    fill(client, booking_form, name="")
    response = submit(client, booking_form)
    assert "Diese Angaben werden gebraucht, sind aber leer: Gast." in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_the_context_reaches_the_action_and_is_described(client, booking_form):
    response = client.get(booking_form.url, {"room": "7"})
    assert "Für Raum 7" in response.content.decode()
    post_step(client, booking_form, "guest", name="Ada", arrives="2026-03-01", nights="1")
    submit(client, booking_form)
    assert RECEIVED[0].context == "Raum 7"


def test_an_unauthorized_or_unknown_context_gives_404(client, booking_form, make_user):
    assert client.get(booking_form.url, {"room": "8"}).status_code == 404
    assert client.get(booking_form.url, {"room": "99"}).status_code == 404
    client.force_login(make_user(is_staff=True))
    assert client.get(booking_form.url, {"room": "8"}).status_code == 200


def test_a_context_no_longer_allowed_at_submit_is_refused(client, booking_form, make_user):
    staff = make_user(is_staff=True)
    client.force_login(staff)
    client.get(booking_form.url, {"room": "8"})
    post_step(client, booking_form, "guest", name="Ada", arrives="2026-03-01", nights="1")
    staff.is_staff = False
    staff.save()
    response = submit(client, booking_form)
    assert response.status_code == 200 and not FormSubmission.objects.exists()
    assert "steht Ihnen nicht mehr offen; es wurde nichts gespeichert" in response.content.decode()


def test_a_form_without_action_only_stores(client, home, booking_action):
    page = make_form_page(home, step("only", field("short_text", "name", "Name")), slug="nur")
    client.get(page.url, {"room": "8"})  # a context means nothing to a form without action
    post_step(client, page, "only", name="Ada")
    assert submit(client, page)["Location"].endswith("/done/")
    assert FormSubmission.objects.count() == 1 and RECEIVED == []


def test_an_action_that_went_away_is_a_clear_refusal(client, booking_form):
    fill(client, booking_form)
    actions.unregister_action("tests.book_room")
    response = submit(client, booking_form)
    assert "„tests.book_room“ ausführen, das es nicht gibt" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_the_editor_lists_actions_and_maps_fields_from_selects(
    client, booking_form, make_user, booking_action
):
    client.force_login(make_user(is_superuser=True))
    response = client.get(f"/admin/pages/{booking_form.pk}/edit/")
    html = response.content.decode()
    assert '<option value="tests.book_room" selected>Raum buchen</option>' in html
    guest = 'name="action_mapping__tests.book_room__guest"'
    assert guest in html
    select = html.split(guest, 1)[1].split("</select>", 1)[0]
    assert '<option value="name" selected>Name – Guest</option>' in select
    assert 'value="passport"' not in select  # files are no attribute's value
    assert "forms_app/js/action-mapping" in html


def test_the_editor_saves_the_chosen_mapping(booking_form, booking_action):
    from forms_app.action_panels import ActionMappingWidget

    posted = {
        "submission_action": "tests.book_room",
        "action_mapping__tests.book_room__guest": "name",
        "action_mapping__tests.book_room__nights": "",
        "action_mapping__other.action__x": "name",
    }
    value = ActionMappingWidget().value_from_datadict(posted, {}, "action_mapping")
    assert json.loads(value) == {"guest": "name"}


def test_a_mapping_to_a_missing_field_or_a_required_gap_is_an_editor_error(
    booking_form, booking_action
):
    page = WizardFormPage.objects.get(pk=booking_form.pk)
    page.action_mapping = {"arrival": "gone"}
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    text = " ".join(error.value.messages)
    assert "das es nicht mehr gibt (gone)" in text and "Wählen Sie das Feld, das „Gast“" in text
    page.submission_action = "nobody.registered"
    assert page.action_errors() == ["Die Aktion „nobody.registered“ gibt es nicht."]


def test_resolve_context_answers_none_for_others(rf, booking_form):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/", {"room": "8"})
    request.user = AnonymousUser()
    assert actions.resolve_context(booking_form, request, "8") is None
    with pytest.raises(Http404):
        actions.start_context(booking_form, request)


def test_readable_answers_use_labels(client, booking_form):
    fill(client, booking_form)
    submit(client, booking_form)
    rows = dict(actions.readable_answers(FormSubmission.objects.get()))
    assert rows["Name"] == "Ada Müller" and rows["Extras"] == "Parkplatz"
