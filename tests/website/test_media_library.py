"""The media library is for the roles with image or document rights, and internal documents
are served only to staff who are logged in."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from website import media

pytestmark = pytest.mark.django_db

ENDPOINTS = ["documents", "images"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def library(db):
    root = Collection.get_first_root_node()
    document = Document.objects.create(
        title="Leitfaden öffentlich", file=ContentFile(b"public", name="leitfaden.txt")
    )
    document.collection = root  # moved out of the private collection, as an editor would
    document.save()
    image = Image.objects.create(title="Foto", file=get_test_image_file(), collection=root)
    return {"document": document, "image": image}


@pytest.fixture
def internal_document(db):
    return Document.objects.create(
        title="Internes Protokoll",
        file=ContentFile(b"internal", name="internal.txt"),
        collection=media.private_collection(),
    )


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("account", ["case_manager", "partner"])
def test_casework_roles_get_403_from_the_admin_media_api(
    client, accounts, library, endpoint, account
):
    client.force_login(accounts[account])
    listing = client.get(reverse(f"wagtailadmin_api:{endpoint}:listing"))
    assert listing.status_code == 403
    item = library["document" if endpoint == "documents" else "image"]
    detail = client.get(reverse(f"wagtailadmin_api:{endpoint}:detail", args=[item.pk]))
    assert detail.status_code == 403
    assert item.title not in listing.content.decode() + detail.content.decode()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("account", ["editor", "moderator", "programme"])
def test_roles_with_media_rights_use_the_admin_media_api(
    client, accounts, library, endpoint, account
):
    client.force_login(accounts[account])
    response = client.get(reverse(f"wagtailadmin_api:{endpoint}:listing"))
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 1


def test_the_private_collection_is_made_by_migration_and_restricted():
    collection = media.private_collection()
    assert collection.get_parent() == Collection.get_first_root_node()
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.LOGIN


def test_documents_are_served_by_wagtails_permission_checked_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_an_anonymous_visitor_cannot_download_an_internal_document(client, internal_document):
    """The probe: ``/documents/1/internal.pdf`` downloaded anonymously."""
    response = client.get(internal_document.url)
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("wagtailcore_login"))  # Wagtail's login
    assert b"internal" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_staff_download_an_internal_document(client, accounts, internal_document):
    client.force_login(accounts["case_manager"])
    response = client.get(internal_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"internal"


def test_a_public_document_downloads_anonymously(client, library):
    response = client.get(library["document"].url)
    assert response.status_code == 200


def test_new_uploads_go_to_the_private_collection_unless_put_elsewhere(client, accounts):
    client.force_login(accounts["editor"])
    upload = ContentFile(b"draft", name="entwurf.txt")
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    assert Document.objects.get(title="entwurf.txt").collection == media.private_collection()

    public = Collection.get_first_root_node().add_child(name="Öffentlich")
    document = Document.objects.create(
        title="Flyer", file=ContentFile(b"x", name="flyer.txt"), collection=public
    )
    assert document.collection == public
