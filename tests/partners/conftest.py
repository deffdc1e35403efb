import pytest

from partners.models import PartnerDirectoryPage
from tests.partners.factories import PartnerFactory
from website.models import HomePage


@pytest.fixture
def directory_page(home_pages):
    """A published partner directory under the German home page, translated into English."""
    from wagtail.models import Locale

    german_home = HomePage.objects.get(locale__language_code="de")
    page = german_home.add_child(
        instance=PartnerDirectoryPage(title="Partnerverzeichnis", slug="partner", live=False)
    )
    page.save_revision().publish()
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Partner directory"
    english.save_revision().publish()
    return page


@pytest.fixture
def published_partner(db):
    def make(**kwargs):
        return PartnerFactory(publish=True, **kwargs)

    return make
