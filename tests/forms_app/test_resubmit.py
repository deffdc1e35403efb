"""Sending an old step again after the form was submitted (Back, then Send): said plainly."""

import pytest

from forms_app.models import FormSubmission
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db


def finish(client, page):
    client.get(page.url)
    post_step(client, page, "person", name="Amal")
    post_step(client, page, "family", has_children="no")
    assert submit(client, page).status_code == 302


@pytest.mark.parametrize(
    ("step", "answers"),
    [("person", {"name": "Amal"}), ("family", {"has_children": "yes", "children_count": "2"})],
)
def test_an_old_step_sent_after_finishing_says_the_form_was_submitted(
    client, three_step_form, step, answers
):
    finish(client, three_step_form)
    response = post_step(client, three_step_form, step, **answers)
    assert response.status_code == 302
    assert response["Location"].endswith("/done/")
    page = client.get(response["Location"]).content.decode()
    assert "bereits abgeschickt" in page
    assert "Sitzung war abgelaufen" not in page
    assert f'href="{three_step_form.url}"' in page  # start again
    assert FormSubmission.objects.count() == 1


def test_starting_again_after_finishing_gives_a_fresh_form(client, three_step_form):
    finish(client, three_step_form)
    client.get(three_step_form.url)
    response = post_step(client, three_step_form, "person", name="Bahar")
    assert response.status_code == 200
    assert "bereits abgeschickt" not in response.content.decode()
    post_step(client, three_step_form, "family", has_children="no")
    submit(client, three_step_form)
    assert FormSubmission.objects.count() == 2
