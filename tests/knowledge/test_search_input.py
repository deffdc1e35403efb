"""Search boxes answer any text with results or a clear "nothing found", never a server error.

SQLite's full-text MATCH syntax makes ``"``, ``*``, ``(`` and words such as NEAR operators; the
database search backend passes what a visitor typed on to it.
"""

from django.urls import reverse

import pytest

from tests.knowledge.factories import GoodPracticeFactory
from tests.partners.factories import PartnerFactory

pytestmark = pytest.mark.django_db

TRICKY = ['"', '"Arbeit', "'", "*", "Arbeit*", "(", ")", "-", "-Arbeit", "NEAR", "NEAR(", "AND"]
TRICKY += ["OR", "NOT", "Arbeit AND", "a:b", "^", "{", "+", "Arbeit NEAR/2 Modell", '""', "\\"]


@pytest.fixture
def entry(knowledge_index):
    return GoodPracticeFactory(parent=knowledge_index, title="Arbeit für alle")


@pytest.fixture
def directory(german_home):
    from partners.models import PartnerDirectoryPage

    page = german_home.add_child(
        instance=PartnerDirectoryPage(title="Partnerverzeichnis", slug="partner")
    )
    page.save_revision().publish()
    PartnerFactory(publish=True, name="Gesa Arbeit")
    return page


def test_public_search_boxes_answer_any_text(client, entry, english_index, directory):
    boxes = [
        (entry.get_parent().url, "q"),
        (english_index.url, "q"),
        (directory.url, "q"),
        ("/api/v2/pages/", "search"),
    ]
    for query in TRICKY:
        for url, parameter in boxes:
            response = client.get(url, {parameter: query})
            assert response.status_code == 200, (url, query, response.status_code)


def test_search_still_finds_what_it_should(client, entry):
    index_url = entry.get_parent().url
    assert "Arbeit für alle" in client.get(index_url, {"q": "Arbeit"}).content.decode()
    assert "Arbeit für alle" in client.get(index_url, {"q": '"Arbeit'}).content.decode()
    api = client.get("/api/v2/pages/", {"search": 'Arbeit"'}).json()
    assert "Arbeit für alle" in [item["title"] for item in api["items"]]
    assert "Arbeit für alle" not in client.get(index_url, {"q": "Zzyzx"}).content.decode()


def test_admin_search_boxes_answer_any_text(admin_client, entry, directory):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    Image.objects.create(title="Arbeit Foto", file=get_test_image_file())
    Document.objects.create(title="Arbeit Leitfaden", file=ContentFile(b"x", name="l.txt"))
    urls = [
        reverse("wagtailadmin_pages:search"),
        reverse("wagtailadmin_explore", args=[entry.get_parent().pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailsnippets_partners_partnerorganisation:list"),
        reverse("wagtailsnippets_knowledge_theme:list"),
        reverse("forms_app:index"),
    ]
    for query in TRICKY:
        for url in urls:
            response = admin_client.get(url, {"q": query})
            assert response.status_code == 200, (url, query, response.status_code)
