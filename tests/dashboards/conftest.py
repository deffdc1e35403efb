from datetime import date

from django.utils import translation

import pytest

from dashboards.models import DashboardPage
from tests.dashboards.factories import small_programme
from website.models import HomePage


@pytest.fixture
def english():
    """Messages are asserted in English (the site's default language is German); the metrics
    tests use it (``pytestmark``)."""
    with translation.override("en"):
        yield


@pytest.fixture
def programme(db):
    return small_programme()


# The chart, page, CSV and API tests: a few hand-made cases and dashboard pages built from blocks.
@pytest.fixture
def german_home(home_pages) -> HomePage:
    return HomePage.objects.get(locale__language_code="de")


@pytest.fixture
def cases(db):
    """Twelve women and seven men entered in 2025 in Wuppertal, three men in Solingen."""
    from partners.models import City
    from tests.casework.factories import CaseFactory

    solingen = City.objects.sources().get(slug="solingen")
    CaseFactory.create_batch(12, gender="female", date_of_entry=date(2025, 2, 3))
    CaseFactory.create_batch(7, gender="male", date_of_entry=date(2025, 5, 6))
    CaseFactory.create_batch(3, gender="male", date_of_entry=date(2025, 5, 6), city=solingen)


@pytest.fixture
def make_dashboard(german_home):
    def make(*charts, title="Ergebnisse", slug="ergebnisse", publish=True) -> DashboardPage:
        page = DashboardPage(title=title, slug=slug, body=list(charts), live=publish)
        german_home.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page

    return make
