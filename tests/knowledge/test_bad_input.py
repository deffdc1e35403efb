"""Script and broken HTML, deleted images and documents: no crash, no leak."""

import pytest

from tests.knowledge.factories import GoodPracticeFactory, ModelDocumentationFactory

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def test_script_in_rich_text_and_stream_blocks_is_not_executed(client, knowledge_index):
    page = GoodPracticeFactory(
        parent=knowledge_index,
        title=f"Titel {SCRIPT}",
        standfirst=f"Vorspann {SCRIPT}",
        pull_quote=SCRIPT,
        practical=SCRIPT,
        body=[
            {"type": "heading", "value": SCRIPT},
            {"type": "text", "value": f'<p onclick="steal()">Text {SCRIPT}<b>offen'},
            {"type": "quote", "value": {"quote": SCRIPT, "attribution": SCRIPT}},
            {
                "type": "facts",
                "value": {
                    "title": SCRIPT,
                    "facts": [{"value": SCRIPT, "label": SCRIPT}],
                    "source": "",
                },
            },
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    assert "onclick" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert api["pull_quote"] == SCRIPT  # JSON carries text; clients must escape it, as we do


def test_rich_text_fields_drop_what_the_editor_does_not_allow(client, knowledge_index):
    page = ModelDocumentationFactory(
        parent=knowledge_index,
        problem=f'<p>Problem<iframe src="https://evil.example"></iframe>{SCRIPT}</p>',
    )
    html = client.get(page.url).content.decode()
    assert "evil.example" not in html
    assert "<script>alert" not in html
    assert "Problem" in html


def test_editor_form_sanitises_rich_text_on_save(knowledge_index):
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(features=["bold", "link"])
    stored = converter.to_database_format(
        converter.from_database_format(f'<p>ok <a href="javascript:alert(1)">x</a>{SCRIPT}</p>')
    )
    assert "javascript:" not in stored and "<script" not in stored


def test_deleted_image_and_document_are_left_out(client, knowledge_index):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from knowledge.models import GoodPracticeResource

    image = Image.objects.create(title="Foto", file=get_test_image_file())
    document = Document.objects.create(title="Leitfaden", file=ContentFile(b"x", name="l.txt"))
    page = GoodPracticeFactory(
        parent=knowledge_index,
        image=image,
        body=[
            {"type": "figure", "value": {"image": image.pk, "alt_text": "Ein Bild", "caption": ""}},
            {"type": "download", "value": {"document": document.pk, "title": "Leitfaden"}},
            {"type": "text", "value": "<p>Bleibt stehen</p>"},
        ],
        resources=[GoodPracticeResource(title="Leitfaden-Material", document=document)],
    )
    html = client.get(page.url).content.decode()
    assert 'alt="Ein Bild"' in html and "Leitfaden-Material" in html
    image.delete()
    document.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bleibt stehen" in html
    assert 'alt="Ein Bild"' not in html and "Leitfaden-Material" not in html
    assert client.get(knowledge_index.url).status_code == 200
    api = client.get(f"/api/v2/pages/{page.pk}/")
    assert api.status_code == 200
    body = api.json()["body"]
    assert [block["value"] for block in body[:2]] == [None, None]
    assert api.json()["image"] is None


def test_image_whose_file_is_gone_does_not_break_the_api(client, knowledge_index):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Foto", file=get_test_image_file())
    page = GoodPracticeFactory(
        parent=knowledge_index,
        body=[{"type": "figure", "value": {"image": image.pk, "alt_text": "Weg", "caption": ""}}],
    )
    image.file.storage.delete(image.file.name)
    assert client.get(page.url).status_code == 200
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    assert response.json()["body"][0]["value"] is None
