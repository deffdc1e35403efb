"""A kept upload: shown by name after Back or a resumed draft, replaced only by an accepted file,
removed for real, and never copied again on each pass through its step."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from forms_app.models import FormDraft, FormSubmission, SubmissionFile
from forms_app.wizard import session_key, wizard_prefix
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 first"
NEW_PDF = b"%PDF-1.4 second"


@pytest.fixture
def upload_form(home):
    return make_form_page(
        home,
        step(
            "docs",
            field("short_text", "title", "Titel"),
            field("file", "cv", "Lebenslauf", required=True, extensions="pdf", max_size_mb=1),
        ),
        step("more", field("short_text", "note", "Notiz")),
        title="Mit Upload",
        slug="mit-upload",
    )


def send_docs(client, page, upload=None, **extra):
    data = {f"{wizard_prefix(page)}-current_step": "docs", "docs-title": "Titel", **extra}
    if upload is not None:
        data["docs-cv"] = upload
    return client.post(page.url, data)


def pdf(name="cv.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def stored(client, page) -> dict:
    return client.session[session_key(page)]["step_files"].get("docs", {})


def files_on_disk(private_root) -> list[str]:
    folder = private_root / "wizard-uploads"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def text(response) -> str:
    return response.content.decode()


def test_back_shows_the_kept_file_with_replace_and_remove(client, upload_form):
    page = upload_form
    client.get(page.url)
    send_docs(client, page, pdf())
    response = post_step(client, page, "more", {"wizard_goto_step": "docs"}, note="")
    body = text(response)
    assert "Gespeicherte Datei: <strong>cv.pdf</strong>" in body
    assert 'name="wizard_remove_file" value="docs-cv"' in body
    assert "„cv.pdf“ entfernen" in body
    file_input = re.search(r'<input type="file"[^>]*>', body)[0]
    assert 'aria-describedby="id_docs-cv_kept"' in file_input
    assert "required" not in file_input  # the kept file already answers the field
    assert "Dieses Feld muss ausgefüllt werden." not in body


def test_a_resumed_draft_shows_its_file(client, make_user, upload_form):
    page = upload_form
    client.force_login(make_user("Case managers", username="fatma"))
    client.get(page.url)
    send_docs(client, page, pdf(), wizard_save_draft="1", draft_label="Mit Datei")
    draft = FormDraft.objects.get()
    body = text(client.post(page.url + f"drafts/{draft.pk}/", follow=True))
    assert "Gespeicherte Datei: <strong>cv.pdf</strong>" in body
    assert "Dieses Feld muss ausgefüllt werden." not in body


def test_sending_the_step_again_does_not_copy_the_kept_file(client, upload_form, private_root):
    page = upload_form
    client.get(page.url)
    send_docs(client, page, pdf())
    for _ in range(3):
        post_step(client, page, "more", {"wizard_goto_step": "docs"}, note="")
        send_docs(client, page)
    assert len(files_on_disk(private_root)) == 1


def test_remove_really_removes_the_file(client, upload_form, private_root):
    page = upload_form
    client.get(page.url)
    send_docs(client, page, pdf())
    post_step(client, page, "more", {"wizard_goto_step": "docs"}, note="")
    response = send_docs(client, page, wizard_remove_file="docs-cv", **{"docs-title": "Neu"})
    body = text(response)
    assert "Die Datei „cv.pdf“ wurde entfernt." in body
    assert "Gespeicherte Datei" not in body
    assert "autofocus" in re.search(r'<input type="file"[^>]*>', body)[0]
    assert 'value="Neu"' in body  # what else the step held is kept
    assert "Dieses Feld muss ausgefüllt werden." not in body  # nothing was sent yet
    assert stored(client, page) == {}
    assert files_on_disk(private_root) == []
    response = send_docs(client, page)  # the field is required: now it is missing
    assert "Dieses Feld muss ausgefüllt werden." in text(response)


def test_a_step_cannot_remove_another_steps_file(client, upload_form):
    page = upload_form
    client.get(page.url)
    send_docs(client, page, pdf())
    post_step(client, page, "more", {"wizard_remove_file": "docs-cv"}, note="")
    assert "docs-cv" in stored(client, page)


def test_replace_keeps_the_old_file_until_the_new_one_is_accepted(
    client, upload_form, private_root, django_capture_on_commit_callbacks
):
    page = upload_form
    client.get(page.url)
    send_docs(client, page, pdf())
    post_step(client, page, "more", {"wizard_goto_step": "docs"}, note="")
    refused = SimpleUploadedFile("cv.pdf", b"not a pdf at all")
    body = text(send_docs(client, page, refused))
    assert "Inhalt" in body  # the new file is refused ...
    assert "Gespeicherte Datei: <strong>cv.pdf</strong>" in body  # ... the old one is still there
    assert len(files_on_disk(private_root)) == 1
    send_docs(client, page, pdf("neu.pdf", NEW_PDF))
    assert stored(client, page)["docs-cv"]["name"] == "neu.pdf"
    assert len(files_on_disk(private_root)) == 1  # the replaced file is gone
    post_step(client, page, "more", note="")
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page)
    record = SubmissionFile.objects.get()
    assert (record.original_name, record.file.read()) == ("neu.pdf", NEW_PDF)
    assert FormSubmission.objects.get().answers["cv"]["name"] == "neu.pdf"


def test_an_accepted_file_is_kept_when_another_field_of_the_step_fails(client, home):
    page = make_form_page(
        home,
        step(
            "docs",
            field("short_text", "title", "Titel", required=True),
            field("file", "cv", "Lebenslauf", extensions="pdf"),
        ),
        step("more", field("short_text", "note")),
        slug="zwei-felder",
    )
    client.get(page.url)
    body = text(client.post(page.url, {f"page_{page.pk}-current_step": "docs", "docs-cv": pdf()}))
    assert "Dieses Feld muss ausgefüllt werden." in body
    assert "Gespeicherte Datei: <strong>cv.pdf</strong>" in body  # no need to choose it again


def test_a_draft_saved_again_after_removing_its_file_lets_the_file_go(
    client, make_user, upload_form, private_root, django_capture_on_commit_callbacks
):
    page = upload_form
    client.force_login(make_user("Case managers", username="fatma"))
    client.get(page.url)
    send_docs(client, page, pdf(), wizard_save_draft="1", draft_label="Mit Datei")
    draft = FormDraft.objects.get()
    client.post(page.url + f"drafts/{draft.pk}/")
    send_docs(client, page, wizard_remove_file="docs-cv")
    assert len(files_on_disk(private_root)) == 1  # the draft still holds it
    with django_capture_on_commit_callbacks(execute=True):
        send_docs(client, page, wizard_save_draft="1", draft_label="Ohne Datei")
    assert FormDraft.objects.get().uploads() == []
    assert files_on_disk(private_root) == []
