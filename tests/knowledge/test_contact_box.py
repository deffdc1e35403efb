"""A good-practice page's contact box gives the organisations' contact details from their
directory entries (address, phone, email, website), not only their names."""

from html.parser import HTMLParser

import pytest

from knowledge.models import GoodPracticeOrganisation
from partners.models import PartnerDirectoryPage
from tests.knowledge.factories import GoodPracticeFactory
from tests.partners.factories import PartnerFactory

pytestmark = pytest.mark.django_db


class SectionText(HTMLParser):
    """The text and link targets inside the element with a given id's ``aria-labelledby``."""

    def __init__(self, labelled_by: str):
        super().__init__()
        self.labelled_by, self.depth = labelled_by, 0
        self.text: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += tag == "section"
            if tag == "a":
                self.links.append(attrs.get("href", ""))
        elif tag == "section" and attrs.get("aria-labelledby") == self.labelled_by:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == "section":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and data.strip():
            self.text.append(data.strip())


def contact_box(html: str) -> SectionText:
    parser = SectionText("contact-heading")
    parser.feed(html)
    return parser


@pytest.fixture
def host():
    return PartnerFactory(
        publish=True,
        name="Netzwerkträger gGmbH",
        street_address="Beispielweg 7",
        postal_code="42103",
        town="Wuppertal",
        phone="0202 555-0107",
        email="kontakt@netzwerktraeger.example",
        website="https://netzwerktraeger.example/",
    )


def test_the_contact_box_gives_the_host_organisations_contact_details(
    client, knowledge_index, german_home, host
):
    directory = german_home.add_child(
        instance=PartnerDirectoryPage(title="Partner", slug="partner")
    )
    directory.save_revision().publish()
    partner = PartnerFactory(publish=True, name="Mitträger e. V.", phone="0202 555-0999")
    page = GoodPracticeFactory(
        parent=knowledge_index,
        organisations=[
            GoodPracticeOrganisation(role="host", partner=host),
            GoodPracticeOrganisation(role="partner", partner=partner),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "Mitträger e. V." in html  # named and linked under "Who"
    box = contact_box(html)
    assert "0202 555-0999" not in " ".join(box.text)  # the host is the contact
    text = " ".join(box.text)
    for detail in ("Netzwerkträger gGmbH", "Beispielweg 7", "42103 Wuppertal", "0202 555-0107"):
        assert detail in text
    assert "mailto:kontakt@netzwerktraeger.example" in box.links
    assert "https://netzwerktraeger.example/" in box.links
    assert "tel:0202555-0107" in box.links
    assert f"{directory.url}{host.slug}/" in box.links


def test_without_a_host_from_the_directory_its_partners_are_the_contact(client, knowledge_index):
    partner = PartnerFactory(publish=True, name="Mitträger e. V.", phone="0202 555-0998")
    page = GoodPracticeFactory(
        parent=knowledge_index,
        organisations=[
            GoodPracticeOrganisation(role="host", name="Stadtverwaltung Beispielstadt"),
            GoodPracticeOrganisation(role="partner", partner=partner),
        ],
    )
    assert "0202 555-0998" in " ".join(contact_box(client.get(page.url).content.decode()).text)


def test_an_unpublished_entrys_details_stay_out_of_the_box(client, knowledge_index):
    draft = PartnerFactory(name="Entwurfsträger", phone="0202 555-0999")
    page = GoodPracticeFactory(
        parent=knowledge_index,
        organisations=[
            GoodPracticeOrganisation(role="host", name="Stadtverwaltung Beispielstadt"),
            GoodPracticeOrganisation(role="partner", partner=draft),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "0202 555-0999" not in html
    assert contact_box(html).text == []
