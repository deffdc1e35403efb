"""A domain app's visibility rule narrows every screen of the submissions admin: the engine
applies a rule it knows nothing about (a test-only one registered here) in its listing, count,
export, detail, edit, delete and file download."""

from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from forms_app import visibility
from forms_app.models import FormSubmission, SubmissionFile
from tests.forms_app.test_admin import export_url, fill, read_csv

pytestmark = pytest.mark.django_db


def hide_sealed_from_all_but_ruth(submissions, user):
    """Submissions naming "Versiegelt" are for the user "ruth" only."""
    if user.username == "ruth":
        return submissions
    return submissions.exclude(search_text__contains="versiegelt")


@pytest.fixture
def sealed_rule():
    visibility.register_visibility_rule("tests.sealed", hide_sealed_from_all_but_ruth)
    yield
    visibility.unregister_visibility_rule("tests.sealed")


@pytest.fixture
def sealed(client, three_step_form):
    open_one = fill(client, three_step_form, "Amal")
    sealed_one = fill(client, three_step_form, "Versiegelt Person")
    record = SubmissionFile.objects.create(
        submission=sealed_one,
        key="name",
        file=ContentFile(b"%PDF-1.4 sealed", name="sealed.pdf"),
        original_name="sealed.pdf",
    )
    return open_one, sealed_one, record


def urls(page, submission, record):
    return {
        "detail": reverse("forms_app:submission", args=[page.pk, submission.pk]),
        "edit": reverse("forms_app:submission_edit", args=[page.pk, submission.pk]),
        "delete": reverse("forms_app:submission_delete", args=[page.pk, submission.pk]),
        "file": reverse("forms_app:file", args=[record.pk]),
    }


def test_a_registered_rule_hides_a_submission_on_every_screen(
    client, make_user, three_step_form, sealed, sealed_rule
):
    page = three_step_form
    _open, hidden, record = sealed
    client.force_login(make_user("Programme administrators", username="paula"))
    listing = client.get(reverse("forms_app:submissions", args=[page.pk])).content.decode()
    assert "Amal" in listing and "Versiegelt" not in listing
    assert [row[5] for row in read_csv(client.get(export_url(page)))[1:]] == ["Amal"]
    index = client.get(reverse("forms_app:index")).context["pages"]
    assert [form.submission_count for form in index if form.pk == page.pk] == [1]
    for name, url in urls(page, hidden, record).items():
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"change-reason": "x"}).status_code == 404, name
    assert FormSubmission.objects.filter(pk=hidden.pk).exists()


def test_the_rule_decides_per_user(client, make_user, three_step_form, sealed, sealed_rule):
    page = three_step_form
    _open, hidden, record = sealed
    client.force_login(make_user("Programme administrators", username="ruth"))
    listing = client.get(reverse("forms_app:submissions", args=[page.pk])).content.decode()
    assert "Versiegelt Person" in listing
    for name, url in urls(page, hidden, record).items():
        assert client.get(url).status_code == 200, name


def test_without_the_rule_the_engine_shows_everything_to_holders_of_view(
    client, make_user, three_step_form, sealed
):
    page = three_step_form
    _open, hidden, record = sealed
    client.force_login(make_user("Programme administrators", username="paula"))
    assert len(read_csv(client.get(export_url(page)))) == 3
    assert client.get(urls(page, hidden, record)["file"]).status_code == 200
