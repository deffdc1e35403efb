"""The wizard runtime: steps, progress, back, conditions on steps and fields, review, submit."""

import pytest

from forms_app.models import FormSubmission
from forms_app.wizard import session_key, wizard_prefix
from tests.forms_app.helpers import post_step, review_token, submit

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_progress_and_steps(client, three_step_form):
    response = client.get(three_step_form.url)
    # the third step is conditional on a question not yet answered: it counts until answered
    assert "Schritt 1 von 3" in text(response)
    response = post_step(client, three_step_form, "person", name="Amal")
    assert "Schritt 2 von 3" in text(response)
    assert 'name="family-has_children"' in text(response)


def test_required_field_is_required(client, three_step_form):
    client.get(three_step_form.url)
    response = post_step(client, three_step_form, "person", name="")
    assert "Dieses Feld muss ausgefüllt werden." in text(response)
    assert "Schritt 1 von 3" in text(response)


def test_conditional_step_skipped_and_field_hidden_for_no(client, three_step_form):
    client.get(three_step_form.url)
    post_step(client, three_step_form, "person", name="Amal")
    # children_count is required only when shown; a value sent anyway is discarded
    response = post_step(client, three_step_form, "family", has_children="no", children_count="3")
    assert "Antworten überprüfen" in text(response)
    assert "Amal" in text(response)  # the review lists all answers
    submit(client, three_step_form)
    submission = FormSubmission.objects.get()
    assert submission.answers == {"name": "Amal", "has_children": False}


def test_shown_conditional_field_is_required_and_step_appears(client, three_step_form):
    client.get(three_step_form.url)
    post_step(client, three_step_form, "person", name="Amal")
    response = post_step(client, three_step_form, "family", has_children="yes", children_count="")
    assert "Dieses Feld muss ausgefüllt werden." in text(response)
    response = post_step(client, three_step_form, "family", has_children="yes", children_count="2")
    assert "Schritt 3 von 3" in text(response)
    response = post_step(client, three_step_form, "health", notes="<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in text(response)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text(response)
    response = submit(client, three_step_form)
    assert response.status_code == 302
    assert response["Location"].endswith("/done/")
    submission = FormSubmission.objects.get()
    assert submission.answers == {
        "name": "Amal",
        "has_children": True,
        "children_count": 2,
        "notes": "<script>alert(1)</script>",
    }
    assert submission.revision == three_step_form.live_revision


def test_back_keeps_answers_including_unsent_ones(client, three_step_form):
    page = three_step_form
    client.get(page.url)
    post_step(client, page, "person", name="Amal")
    response = post_step(client, page, "family", {"wizard_goto_step": "person"}, has_children="yes")
    assert 'value="Amal"' in text(response)
    response = post_step(client, page, "person", name="Amal B.")
    assert 'value="yes" checked' in text(response) or "checked" in text(response)


def test_review_links_back_to_each_step(client, three_step_form):
    page = three_step_form
    client.get(page.url)
    post_step(client, page, "person", name="Amal")
    response = post_step(client, page, "family", has_children="no")
    assert 'name="wizard_goto_step" value="person"' in text(response)
    assert 'name="wizard_goto_step" value="family"' in text(response)
    response = client.post(
        page.url, {f"{wizard_prefix(page)}-current_step": "review", "wizard_goto_step": "person"}
    )
    assert 'value="Amal"' in text(response)


def test_double_submit_stores_one_submission(client, three_step_form):
    page = three_step_form
    client.get(page.url)
    post_step(client, page, "person", name="Amal")
    post_step(client, page, "family", has_children="no")
    token = review_token(client, page)
    first = submit(client, page, token)
    second = submit(client, page, token)
    assert first.status_code == second.status_code == 302
    assert FormSubmission.objects.count() == 1


def test_final_revalidation_catches_tampered_stored_data(client, three_step_form):
    page = three_step_form
    client.get(page.url)
    post_step(client, page, "person", name="Amal")
    post_step(client, page, "family", has_children="no")
    session = client.session
    session[session_key(page)]["step_data"]["person"] = {"person-name": [""]}
    session.save()
    response = submit(client, page)
    assert response.status_code == 200
    assert "Bitte prüfen Sie diesen Schritt noch einmal." in text(response)
    assert FormSubmission.objects.count() == 0


def test_skipped_step_is_refused(client, three_step_form):
    page = three_step_form
    client.get(page.url)
    response = post_step(client, page, "family", has_children="no")
    assert "Bitte füllen Sie zuerst diesen Schritt aus." in text(response)
    assert 'name="person-name"' in text(response)
    assert "Schritt 1 von" in text(response)


def test_unknown_step_name_is_refused(client, three_step_form):
    page = three_step_form
    client.get(page.url)
    response = post_step(client, page, "nonsense", name="x")
    assert response.status_code == 200
    assert "unvollständig oder verändert" in text(response)


def test_missing_management_form_is_a_bad_request(client, three_step_form):
    client.get(three_step_form.url)
    response = client.post(three_step_form.url, {"person-name": "x"})
    assert response.status_code == 400


def test_expired_session_keeps_the_sent_step(client, three_step_form):
    page = three_step_form
    response = post_step(client, page, "family", has_children="yes", children_count="2")
    assert "Sitzung war abgelaufen" in text(response)
    assert "Schritt 1 von" in text(response)
    stored = client.session[session_key(page)]["step_data"]["family"]
    assert stored["family-children_count"] == ["2"]


def test_two_wizards_do_not_share_state(client, three_step_form, home):
    from tests.forms_app.factories import field, make_form_page, step

    other = make_form_page(home, step("only", field("short_text", "x")), title="Anderes")
    client.get(three_step_form.url)
    post_step(client, three_step_form, "person", name="Amal")
    client.get(other.url)
    assert client.session[session_key(three_step_form)]["step_data"]["person"]


def test_add_row_without_javascript_keeps_the_answers(client, home):
    from tests.forms_app.factories import field, make_form_page, step

    page = make_form_page(
        home,
        step("plan", field("group", "steps", "Schritte", fields=[field("short_text", "task")])),
        slug="plan",
    )
    client.get(page.url)
    response = post_step(
        client,
        page,
        "plan",
        {"wizard_add_row": "steps"},
        **{"steps-rows": "1", "steps-0-task": "Mappe"},
    )
    body = text(response)
    assert 'name="plan-steps-0-task" value="Mappe"' in body
    assert 'name="plan-steps-1-task"' in body  # one more empty row
    assert 'name="plan-steps-rows" value="2"' in body
    assert "errorlist" not in body
    response = post_step(
        client,
        page,
        "plan",
        **{"steps-rows": "3", "steps-0-task": "Mappe", "steps-1-task": "Online-Suche"},
    )
    assert "task: Mappe | task: Online-Suche" in text(response)
    submit(client, page)
    assert FormSubmission.objects.get().answers == {
        "steps": [{"task": "Mappe"}, {"task": "Online-Suche"}]
    }
