"""Each page type lives where intended, renders, and carries its share and print metadata."""

from django.core.exceptions import ValidationError

import pytest

from knowledge.models import (
    GoodPracticeOrganisation,
    GoodPracticePage,
    KnowledgeIndexPage,
    ModelDocumentationPage,
    NewsPage,
)
from tests.knowledge.factories import (
    GoodPracticeFactory,
    ModelDocumentationFactory,
    NewsFactory,
)
from website.models import HomePage

pytestmark = pytest.mark.django_db

ENTRY_TYPES = [GoodPracticePage, ModelDocumentationPage, NewsPage]


def test_index_is_created_under_a_home_page_only(german_home, knowledge_index):
    assert KnowledgeIndexPage.can_create_at(german_home) is False  # one per home page
    assert KnowledgeIndexPage.allowed_parent_page_models() == [HomePage]
    assert not KnowledgeIndexPage.can_create_at(knowledge_index)


@pytest.mark.parametrize("page_type", ENTRY_TYPES)
def test_entries_are_created_under_the_index_and_nowhere_else(
    page_type, german_home, knowledge_index
):
    assert page_type.can_create_at(knowledge_index)
    assert not page_type.can_create_at(german_home)
    assert page_type.allowed_subpage_models() == []
    assert set(KnowledgeIndexPage.allowed_subpage_models()) == set(ENTRY_TYPES)


def test_good_practice_page_renders_all_its_parts(client, knowledge_index):
    page = GoodPracticeFactory(
        parent=knowledge_index,
        title="Wuppertal: Netzwerk",
        pull_quote="Ein Gewinn für alle!",
        innovative="Gemeinsame Formulare.",
        themes=["work"],
        body=[
            {"type": "heading", "value": "Worum es geht"},
            {
                "type": "facts",
                "value": {
                    "title": "Zahlen",
                    "facts": [{"value": "498", "label": "Vermittlungen"}],
                    "source": "31.08.2013",
                },
            },
            {
                "type": "steps",
                "value": {
                    "title": "So übernehmen Sie das",
                    "steps": [{"title": "Partner finden", "text": "<p>Kommune und Träger.</p>"}],
                },
            },
            {"type": "quote", "value": {"quote": "Zitat", "attribution": "Quelle"}},
        ],
    )
    html = client.get(page.url).content.decode()
    for text in [
        "Wuppertal: Netzwerk",
        "Ein Gewinn für alle!",
        "Gemeinsame Formulare.",
        "Worum es geht",
        "498",
        "Partner finden",
        "Stadtverwaltung Beispielstadt",
        "Arbeit",
        "Wuppertal, Deutschland",
    ]:
        assert text in html, text
    assert '<ol class="steps">' in html


def test_model_documentation_renders_its_sections(client, knowledge_index):
    page = ModelDocumentationFactory(
        parent=knowledge_index,
        getting_started="<p>Ein Fallmanagement.</p>",
        forms_used=[
            {
                "type": "form",
                "value": {
                    "title": "Übermittlungsbogen",
                    "purpose": "",
                    "page": None,
                    "url": "https://example.org/f",
                },
            }
        ],
    )
    html = client.get(page.url).content.decode()
    assert "Geflüchtete finden keinen Zugang zu Arbeit." in html
    assert '<a href="https://example.org/f" rel="noopener">Übermittlungsbogen</a>' in html
    assert "Ein Fallmanagement." in html
    assert "Noch ist kein Netzwerkpartner im Verzeichnis eingetragen." in html


def test_news_page_renders_as_an_event(client, knowledge_index):
    page = NewsFactory(parent=knowledge_index, title="Webinar 2013")
    html = client.get(page.url).content.decode()
    assert "Webinar 2013" in html
    assert "Veranstaltung" in html


def test_entry_pages_carry_meta_description_open_graph_and_print_styles(client, knowledge_index):
    page = GoodPracticeFactory(parent=knowledge_index, standfirst="Ein Satz zum Teilen.")
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="Ein Satz zum Teilen.">' in html
    assert '<meta property="og:description" content="Ein Satz zum Teilen.">' in html
    assert f'<meta property="og:url" content="{page.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert "knowledge/css/knowledge.css" in html
    assert "knowledge/js/print.js" in html


def test_index_carries_open_graph_and_feed_links(client, knowledge_index):
    html = client.get(knowledge_index.url).content.decode()
    assert '<meta property="og:type" content="website">' in html
    assert 'type="application/rss+xml"' in html
    assert 'type="application/atom+xml"' in html


def test_organisation_is_either_from_the_directory_or_named(knowledge_index):
    from tests.partners.factories import PartnerFactory

    partner = PartnerFactory(publish=True)
    with pytest.raises(ValidationError):
        GoodPracticeOrganisation(role="host", name="").clean()
    with pytest.raises(ValidationError):
        GoodPracticeOrganisation(role="host", name="Frei", partner=partner).clean()
    GoodPracticeOrganisation(role="host", partner=partner).clean()
    GoodPracticeOrganisation(role="host", name="Frei benannt").clean()


def test_only_live_active_partners_are_named_and_linked(client, knowledge_index):
    from tests.partners.factories import PartnerFactory

    public = PartnerFactory(publish=True, name="Öffentlicher Träger")
    draft = PartnerFactory(name="Entwurfsträger")
    inactive = PartnerFactory(publish=True, name="Ehemaliger Träger", active=False)
    page = GoodPracticeFactory(
        parent=knowledge_index,
        organisations=[
            GoodPracticeOrganisation(role="host", partner=public),
            GoodPracticeOrganisation(role="partner", partner=draft),
            GoodPracticeOrganisation(role="partner", partner=inactive),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "Öffentlicher Träger" in html
    assert "Entwurfsträger" not in html
    assert "Ehemaliger Träger" not in html


def test_model_documentation_pulls_partners_live_from_the_directory(client, knowledge_index):
    from knowledge.models import ModelNetworkPartner
    from tests.partners.factories import PartnerFactory

    partner = PartnerFactory(publish=True, name="Diakonie Beispiel", network_role="Jobcoaching")
    hidden = PartnerFactory(name="Noch nicht veröffentlicht")
    page = ModelDocumentationFactory(
        parent=knowledge_index,
        network_partners=[
            ModelNetworkPartner(partner=partner),
            ModelNetworkPartner(partner=hidden),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "Diakonie Beispiel" in html and "Jobcoaching" in html
    assert "Noch nicht veröffentlicht" not in html
    partner.name = "Diakonie Neuer Name"
    partner.save_revision().publish()
    assert "Diakonie Neuer Name" in client.get(page.url).content.decode()


def test_partner_names_link_into_the_directory_when_it_exists(client, knowledge_index):
    from partners.models import PartnerDirectoryPage
    from tests.partners.factories import PartnerFactory

    home = knowledge_index.get_parent()
    directory = home.add_child(instance=PartnerDirectoryPage(title="Partner", slug="partner"))
    directory.save_revision().publish()
    partner = PartnerFactory(publish=True, slug="gesa")
    page = GoodPracticeFactory(
        parent=knowledge_index, organisations=[GoodPracticeOrganisation(partner=partner)]
    )
    assert 'href="/partner/gesa/"' in client.get(page.url).content.decode()


def test_share_image_is_an_absolute_rendition(client, knowledge_index):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Treffen", file=get_test_image_file())
    page = GoodPracticeFactory(parent=knowledge_index, image=image)
    html = client.get(page.url).content.decode()
    assert '<meta property="og:image" content="http' in html
    assert ".fill-1200x630" in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
