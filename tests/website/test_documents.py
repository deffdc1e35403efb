"""The media library checks a document's content against its name, as the form engine does."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from tests.forms_app.test_uploads import PDF, png_bytes

pytestmark = pytest.mark.django_db


def add_document(client, name: str, content: bytes):
    from wagtail.models import Collection

    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Leitfaden",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_renamed_document_is_refused(admin_client):
    from wagtail.documents.models import Document

    response = add_document(admin_client, "leitfaden.pdf", png_bytes())
    assert response.status_code == 200
    assert "Inhalt" in response.content.decode()
    assert not Document.objects.exists()


def test_a_real_document_is_added(admin_client):
    from wagtail.documents.models import Document

    response = add_document(admin_client, "leitfaden.pdf", PDF)
    assert response.status_code == 302
    assert Document.objects.get().title == "Leitfaden"


def test_multiple_upload_checks_content_too(admin_client):
    from wagtail.documents.models import Document

    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("leitfaden.pdf", png_bytes())},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not Document.objects.exists()
