"""Uploads are checked by their content, not only their name, and never shown inline."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from forms_app.models import FormSubmission, SubmissionFile
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import submit
from tests.forms_app.test_fields import step_form

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, "JPEG")
    return buffer.getvalue()


def file_errors(home, extensions: str, name: str, content: bytes) -> list[str]:
    upload = SimpleUploadedFile(name, content)
    form = step_form(
        home, field("file", "doc", extensions=extensions), data={}, files={"only-doc": upload}
    )
    form.is_valid()
    return form.errors.get("doc", [])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bild.pdf", png_bytes()),  # a PNG renamed .pdf: PNG is allowed, but it is not a PDF
        ("brief.pdf", b"just some text, not a PDF"),
        ("programm.png", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"),  # a Windows program
        ("foto.jpg", PDF),
    ],
)
def test_content_that_does_not_match_the_name_is_refused(home, name, content):
    errors = file_errors(home, "pdf, png, jpg, txt", name, content)
    assert len(errors) == 1
    assert "Inhalt" in errors[0] and name.rsplit(".", 1)[1] in errors[0]


@pytest.mark.parametrize(
    ("extensions", "name", "content"),
    [
        ("pdf", "lebenslauf.pdf", PDF),
        ("pdf, png", "bild.PNG", png_bytes()),
        ("jpg", "foto.jpeg", jpeg_bytes()),  # the same type under its other name
        ("jpeg", "foto.jpg", jpeg_bytes()),
        ("txt", "notiz.txt", "Grüße aus Wuppertal".encode()),  # no signature: name decides
    ],
)
def test_content_that_matches_the_name_is_accepted(home, extensions, name, content):
    assert file_errors(home, extensions, name, content) == []


def test_a_renamed_file_is_refused_in_the_wizard_too(client, home):
    page = make_form_page(home, step("docs", field("file", "cv", extensions="pdf, png")))
    client.get(page.url)
    upload = SimpleUploadedFile("cv.pdf", png_bytes())
    response = client.post(page.url, {f"page_{page.pk}-current_step": "docs", "docs-cv": upload})
    assert "Inhalt" in response.content.decode()
    assert not FormSubmission.objects.exists()


def uploaded_record(client, home, name: str, content: bytes, extensions: str) -> SubmissionFile:
    page = make_form_page(home, step("docs", field("file", "doc", extensions=extensions)))
    client.get(page.url)
    upload = SimpleUploadedFile(name, content)
    client.post(page.url, {f"page_{page.pk}-current_step": "docs", "docs-doc": upload})
    submit(client, page)
    return SubmissionFile.objects.get()


def test_an_svg_is_served_as_a_download_never_inline(client, admin_client, home):
    record = uploaded_record(client, home, "zeichnung.svg", SVG, "svg")
    response = admin_client.get(reverse("forms_app:file", args=[record.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == SVG


def test_a_pdf_keeps_its_type_but_is_still_a_download(client, admin_client, home):
    record = uploaded_record(client, home, "cv.pdf", PDF, "pdf")
    response = admin_client.get(reverse("forms_app:file", args=[record.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("name", ["zeichnung.svg", "seite.html"])
def test_wagtail_documents_of_active_types_are_never_inline(admin_client, name):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    document = Document.objects.create(title="Aktiv", file=ContentFile(SVG, name=name))
    assert document.content_disposition.startswith("attachment;")
    response = admin_client.get(document.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_settings_keep_active_types_out_of_the_media_library(settings):
    from wagtail.images.utils import get_allowed_image_extensions

    assert "svg" not in get_allowed_image_extensions()
    assert not {"svg", "html", "htm", "xml", "js"} & set(settings.WAGTAILDOCS_EXTENSIONS)
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == ["application/pdf"]
