"""Drafts: save on any step (even incomplete), list, resume, delete, expire, stay private."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from forms_app.models import FormDraft, FormSubmission
from forms_app.wizard import session_key
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_manager(client, make_user):
    user = make_user("Case managers", username="fatma")
    client.force_login(user)
    return user


def save_draft_on_family_step(client, page, label="A. B., Intake"):
    client.get(page.url)
    post_step(client, page, "person", name="Amal")
    return post_step(
        client,
        page,
        "family",
        {"wizard_save_draft": "1", "draft_label": label},
        has_children="yes",
        children_count="",  # incomplete: a draft does not validate
    )


def test_save_draft_and_resume(client, case_manager, three_step_form):
    page = three_step_form
    response = save_draft_on_family_step(client, page)
    assert response.status_code == 302 and response["Location"].endswith("/drafts/")
    draft = FormDraft.objects.get()
    assert draft.label == "A. B., Intake" and draft.user == case_manager
    assert draft.data["wizard"]["step"] == "family"
    assert (draft.expires_at - timezone.now()).days in (29, 30)
    listing = client.get(page.url + "drafts/").content.decode()
    assert "A. B., Intake" in listing
    client.get(page.url)  # another wizard started meanwhile
    response = client.post(page.url + f"drafts/{draft.pk}/", follow=True)
    body = response.content.decode()
    assert "Schritt 2 von" in body
    assert 'value="yes" required id="id_family-has_children_0" checked' in body
    assert "Dieses Feld muss ausgefüllt werden." not in body  # no errors shown on resume
    post_step(client, page, "family", has_children="yes", children_count="2")
    post_step(client, page, "health", notes="")
    submit(client, page)
    assert FormSubmission.objects.get().answers["children_count"] == 2
    assert not FormDraft.objects.exists()  # submitting removes the draft


def test_saving_again_updates_the_same_draft(client, case_manager, three_step_form):
    page = three_step_form
    save_draft_on_family_step(client, page)
    draft = FormDraft.objects.get()
    client.post(page.url + f"drafts/{draft.pk}/")
    post_step(
        client, page, "family", {"wizard_save_draft": "1", "draft_label": "neu"}, has_children="no"
    )
    assert FormDraft.objects.get().label == "neu"


def test_many_drafts_per_user(client, case_manager, three_step_form):
    for label in ["Person 1", "Person 2", "Person 3"]:
        save_draft_on_family_step(client, three_step_form, label)
    assert FormDraft.objects.filter(user=case_manager).count() == 3


def test_default_label(client, case_manager, three_step_form):
    save_draft_on_family_step(client, three_step_form, label="")
    assert FormDraft.objects.get().label.startswith("Entwurf vom ")


def test_other_users_draft_is_404(client, make_user, case_manager, three_step_form):
    page = three_step_form
    save_draft_on_family_step(client, page)
    draft = FormDraft.objects.get()
    client.get(page.url + "drafts/")  # clears the "draft saved" message
    client.force_login(make_user("Case managers", username="other"))
    assert client.post(page.url + f"drafts/{draft.pk}/").status_code == 404
    assert client.post(page.url + f"drafts/{draft.pk}/delete/").status_code == 404
    assert "A. B., Intake" not in client.get(page.url + "drafts/").content.decode()


def test_delete_draft(client, case_manager, three_step_form):
    page = three_step_form
    save_draft_on_family_step(client, page)
    draft = FormDraft.objects.get()
    assert client.get(page.url + f"drafts/{draft.pk}/delete/").status_code == 405
    client.post(page.url + f"drafts/{draft.pk}/delete/")
    assert not FormDraft.objects.exists()


def test_expired_drafts_are_hidden_and_purged(client, case_manager, three_step_form, settings):
    page = three_step_form
    save_draft_on_family_step(client, page)
    draft = FormDraft.objects.get()
    client.get(page.url + "drafts/")  # shows (and so clears) the "draft saved" message
    FormDraft.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert "A. B., Intake" not in client.get(page.url + "drafts/").content.decode()
    assert client.post(page.url + f"drafts/{draft.pk}/").status_code == 404
    call_command("purge_form_drafts")
    assert not FormDraft.objects.exists()


def test_lifetime_setting(client, case_manager, three_step_form, settings):
    settings.FORMS_DRAFT_LIFETIME_DAYS = 2
    save_draft_on_family_step(client, three_step_form)
    assert (FormDraft.objects.get().expires_at - timezone.now()).days == 1


def test_drafts_need_a_login(client, three_step_form):
    assert client.get(three_step_form.url + "drafts/").status_code == 302
    client.get(three_step_form.url)
    response = post_step(client, three_step_form, "person", {"wizard_save_draft": "1"}, name="x")
    assert response.status_code == 302 and "login" in response["Location"]
    assert not FormDraft.objects.exists()


def test_field_removed_while_the_draft_was_open(client, case_manager, three_step_form):
    page = three_step_form
    save_draft_on_family_step(client, page)
    draft = FormDraft.objects.get()
    assert "children_count" not in draft.data["keys"]  # it was left empty
    # the administrator removes the "name" field (and its step stays with a new field)
    raw = page.steps.get_prep_value()
    raw[0]["value"]["fields"] = [
        {
            "type": "short_text",
            "value": {**raw[0]["value"]["fields"][0]["value"], "key": "nickname"},
        }
    ]
    page.steps = raw
    page.save_revision().publish()
    response = client.post(page.url + f"drafts/{draft.pk}/", follow=True)
    body = response.content.decode()
    assert "die Felder name gibt es nicht mehr" in body.replace("Die Felder", "die Felder")
    assert "Alle anderen Antworten bleiben erhalten." in body
    assert 'value="yes" required id="id_family-has_children_0" checked' in body
    assert client.session[session_key(page)]["step"] == "family"


def upload_wizard(home):
    from tests.forms_app.factories import field, make_form_page, step

    return make_form_page(
        home,
        step(
            "docs",
            field("short_text", "title"),
            field("file", "cv", "Lebenslauf", required=True, extensions="pdf", max_size_mb=1),
        ),
        step("more", field("short_text", "note")),
        title="Mit Upload",
        slug="mit-upload",
    )


def save_draft_with_upload(client, page, name="cv.pdf", content=b"%PDF-1.4 draft"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forms_app.wizard import wizard_prefix

    client.get(page.url)
    upload = SimpleUploadedFile(name, content)
    return client.post(
        page.url,
        {
            f"{wizard_prefix(page)}-current_step": "docs",
            "docs-title": "Titel",
            "docs-cv": upload,
            "wizard_save_draft": "1",
            "draft_label": "Mit Datei",
        },
    )


def test_a_draft_keeps_the_upload_of_its_step_until_submission(
    client, case_manager, home, private_root, django_capture_on_commit_callbacks
):
    from forms_app.models import SubmissionFile
    from forms_app.storage import wizard_upload_storage

    page = upload_wizard(home)
    save_draft_with_upload(client, page)
    draft = FormDraft.objects.get()
    [held] = draft.uploads()
    assert wizard_upload_storage.exists(held)
    assert not client.session.get(session_key(page), {}).get("step_files")  # session cleared

    client.post(page.url + f"drafts/{draft.pk}/", follow=True)
    response = post_step(client, page, "docs", title="Titel")  # no new file: the kept one counts
    assert "Schritt 2 von 2" in response.content.decode()
    post_step(client, page, "more", note="fertig")
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page)
    record = SubmissionFile.objects.get()
    assert record.original_name == "cv.pdf"
    assert record.file.read() == b"%PDF-1.4 draft"
    assert not FormDraft.objects.exists()


def test_a_draft_does_not_keep_an_upload_its_field_refuses(
    client, case_manager, home, private_root
):
    page = upload_wizard(home)
    save_draft_with_upload(client, page, name="virus.exe", content=b"MZ")
    draft = FormDraft.objects.get()
    assert draft.uploads() == []
    assert "title" in draft.data["keys"]  # the other answers are kept


def test_deleting_a_draft_deletes_its_uploads(
    client, case_manager, home, private_root, django_capture_on_commit_callbacks
):
    from forms_app.storage import wizard_upload_storage

    page = upload_wizard(home)
    save_draft_with_upload(client, page)
    draft = FormDraft.objects.get()
    [held] = draft.uploads()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page.url + f"drafts/{draft.pk}/delete/")
    assert not FormDraft.objects.exists()
    assert not wizard_upload_storage.exists(held)


def test_purge_removes_abandoned_uploads_but_not_those_a_draft_holds(
    client, case_manager, home, private_root, django_capture_on_commit_callbacks
):
    import os

    from django.core.files.base import ContentFile

    from forms_app.storage import wizard_upload_storage

    page = upload_wizard(home)
    save_draft_with_upload(client, page)
    [held] = FormDraft.objects.get().uploads()
    abandoned = wizard_upload_storage.save("abandoned.pdf", ContentFile(b"%PDF old"))
    recent = wizard_upload_storage.save("recent.pdf", ContentFile(b"%PDF new"))
    long_ago = (timezone.now() - timedelta(days=60)).timestamp()
    for name in (held, abandoned):
        os.utime(wizard_upload_storage.path(name), (long_ago, long_ago))
    call_command("purge_form_drafts", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert wizard_upload_storage.exists(held)  # its draft still lives
    assert not wizard_upload_storage.exists(abandoned)
    assert wizard_upload_storage.exists(recent)  # a wizard may still be under way


def test_resuming_is_a_post_and_restarting_keeps_the_drafts_uploads(
    client, case_manager, home, private_root, django_capture_on_commit_callbacks
):
    from forms_app.storage import wizard_upload_storage

    page = upload_wizard(home)
    save_draft_with_upload(client, page)
    draft = FormDraft.objects.get()
    [held] = draft.uploads()
    response = client.get(page.url + f"drafts/{draft.pk}/")  # a link from elsewhere: no effect
    assert response.status_code == 302 and response["Location"].endswith("/drafts/")
    assert not client.session.get(session_key(page), {}).get("step_files")
    client.post(page.url + f"drafts/{draft.pk}/")
    assert client.session[session_key(page)]["step_files"]
    with django_capture_on_commit_callbacks(execute=True):
        client.get(page.url)  # starting the form afresh
    assert wizard_upload_storage.exists(held)  # the draft still has its file
