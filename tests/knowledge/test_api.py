"""The headless API: knowledge page types with their fields and filters, nothing unpublished."""

import pytest

from knowledge.models import GoodPracticeOrganisation
from tests.knowledge.factories import GoodPracticeFactory, ModelDocumentationFactory, NewsFactory

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


def items(client, **params) -> list[dict]:
    response = client.get(API, params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_good_practice_fields_come_as_structured_json(client, knowledge_index):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Foto", file=get_test_image_file())
    page = GoodPracticeFactory(
        parent=knowledge_index,
        title="Wuppertal",
        themes=["work"],
        image=image,
        body=[
            {"type": "heading", "value": "Worum es geht"},
            {
                "type": "figure",
                "value": {"image": image.pk, "alt_text": "Ein Treffen", "caption": "Foto"},
            },
        ],
    )
    response = client.get(f"{API}{page.pk}/")
    data = response.json()
    assert data["meta"]["type"] == "knowledge.GoodPracticePage"
    assert data["city"] == "Wuppertal"
    assert data["themes"] == [{"slug": "work", "name": "Arbeit"}]
    assert data["organisations"][0]["name"] == "Stadtverwaltung Beispielstadt"
    assert data["practical"] == "Klare Aufgaben für sechs Monate."
    assert data["image"]["url"].endswith(".png") and data["image"]["width"] == 640
    assert data["body"][0] == {
        "type": "heading",
        "value": "Worum es geht",
        "id": data["body"][0]["id"],
    }
    figure = data["body"][1]["value"]
    assert figure["alt_text"] == "Ein Treffen"
    assert figure["image"]["url"].startswith("/media/images/")


def test_model_documentation_and_news_expose_their_fields(client, knowledge_index):
    from knowledge.models import ModelNetworkPartner
    from tests.partners.factories import PartnerFactory

    public, hidden = PartnerFactory(publish=True, slug="gesa"), PartnerFactory(slug="entwurf")
    model = ModelDocumentationFactory(
        parent=knowledge_index,
        network_partners=[ModelNetworkPartner(partner=public), ModelNetworkPartner(partner=hidden)],
        process=[
            {
                "type": "steps",
                "value": {"title": "Ablauf", "steps": [{"title": "Erstgespräch", "text": ""}]},
            }
        ],
    )
    NewsFactory(parent=knowledge_index, title="Webinar")
    data = client.get(f"{API}{model.pk}/").json()
    assert [p["slug"] for p in data["network_partners"]] == ["gesa"]
    assert data["process"][0]["value"]["steps"][0]["title"] == "Erstgespräch"
    assert "Geflüchtete finden keinen Zugang zu Arbeit." in data["problem"]
    news = items(client, type="knowledge.NewsPage", fields="kind,date")
    assert [(n["title"], n["kind"]) for n in news] == [("Webinar", "event")]


def test_api_filters_by_type_theme_city_country_and_locale(client, knowledge_index, english_index):
    from wagtail.models import Locale

    wuppertal = GoodPracticeFactory(parent=knowledge_index, title="Wuppertal", themes=["work"])
    GoodPracticeFactory(
        parent=knowledge_index,
        title="London",
        city="London",
        country="Vereinigtes Königreich",
        themes=["learn"],
    )
    ModelDocumentationFactory(parent=knowledge_index, title="Modell", themes=["work"])
    english = wuppertal.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Wuppertal (en)"
    english.save_revision().publish()

    def titles(**params):
        return sorted(item["title"] for item in items(client, **params))

    assert titles(type="knowledge.GoodPracticePage", locale="de") == ["London", "Wuppertal"]
    assert titles(theme="work", locale="de") == ["Modell", "Wuppertal"]
    assert titles(theme="work", locale="en") == ["Wuppertal (en)"]
    assert titles(city="London") == ["London"]
    assert titles(country="Deutschland", type="knowledge.GoodPracticePage", locale="de") == [
        "Wuppertal"
    ]
    assert titles(theme="work", search="Modell") == ["Modell"]
    assert titles(theme="nonexistent") == []


def test_unpublished_and_private_pages_never_appear(client, knowledge_index):
    from wagtail.models import PageViewRestriction

    draft = GoodPracticeFactory(parent=knowledge_index, title="Entwurf", publish=False)
    private = GoodPracticeFactory(parent=knowledge_index, title="Privat")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    listed = [item["title"] for item in items(client, type="knowledge.GoodPracticePage")]
    assert "Entwurf" not in listed and "Privat" not in listed
    assert [item["title"] for item in items(client, city="Wuppertal")] == []
    assert client.get(f"{API}{draft.pk}/").status_code == 404
    assert client.get(f"{API}{private.pk}/").status_code == 404
    assert client.get(draft.url or "/wissen/" + draft.slug + "/").status_code == 404


def test_a_page_taken_offline_leaves_the_api(client, knowledge_index):
    page = GoodPracticeFactory(parent=knowledge_index, title="Bald offline")
    assert client.get(f"{API}{page.pk}/").status_code == 200
    page.unpublish()
    assert client.get(f"{API}{page.pk}/").status_code == 404
    assert client.get(f"/wissen/{page.slug}/").status_code == 404


def test_non_public_directory_partners_are_left_out(client, knowledge_index):
    from tests.partners.factories import PartnerFactory

    page = GoodPracticeFactory(
        parent=knowledge_index,
        organisations=[
            GoodPracticeOrganisation(role="host", partner=PartnerFactory(name="Entwurfsträger")),
            GoodPracticeOrganisation(role="partner", name="Frei benannt"),
        ],
    )
    data = client.get(f"{API}{page.pk}/").json()
    assert [org["name"] for org in data["organisations"]] == ["Frei benannt"]
    assert "Entwurfsträger" not in client.get(f"{API}{page.pk}/").content.decode()
