"""Staff dashboards: exact numbers of the reader's own cases, behind the login, nowhere public."""

from datetime import date

from django.core.cache import cache

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest

from dashboards.models import DashboardPage
from dashboards.models.pages import Audience
from dashboards.staff import EXPORT_ACTION
from tests.casework.factories import CaseFactory, case_manager, caseworker, partner
from tests.dashboards.factories import TransferFactory, city
from tests.factories import UserFactory

from .chart_pages import chart_tables, gender_chart, read_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    """Wuppertal: 3 women and 1 man; Solingen: 2 men. Diakonie accepted one case of each city,
    and has one more Wuppertal case offered but not accepted."""
    wuppertal, solingen = city("wuppertal"), city("solingen")
    diakonie = partner(name="Diakonie Wuppertal", slug="diakonie")
    entry = {"date_of_entry": date(2025, 3, 1)}
    women = CaseFactory.create_batch(3, gender="female", city=wuppertal, **entry)
    man = CaseFactory(gender="male", city=wuppertal, **entry)
    solingen_men = CaseFactory.create_batch(2, gender="male", city=solingen, **entry)
    TransferFactory(case=women[0], partner=diakonie)
    TransferFactory(case=solingen_men[0], partner=diakonie)
    TransferFactory(case=man, partner=diakonie, state="pending")
    return {
        "wuppertal": case_manager("wuppertal", username="wupp-manager"),
        "solingen": case_manager("solingen", username="sol-manager"),
        "partner": caseworker(diakonie, username="diakonie-worker"),
        "admin": UserFactory(role="Programme administrators", username="prog-admin"),
    }


@pytest.fixture
def staff_dashboard(make_dashboard):
    page = make_dashboard(gender_chart(), title="Kennzahlen", slug="kennzahlen")
    page.audience = Audience.STAFF
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def gender_table(client, page) -> list[list[str]]:
    response = client.get(page.url)
    assert response.status_code == 200
    return chart_tables(response.content.decode())[0]


@pytest.mark.parametrize(
    ("reader", "expected"),
    [
        ("wuppertal", {"weiblich": "3", "männlich": "1", "Gesamt": "4"}),
        ("solingen", {"weiblich": "0", "männlich": "2", "Gesamt": "2"}),
        ("partner", {"weiblich": "1", "männlich": "1", "Gesamt": "2"}),
    ],
)
def test_exact_numbers_of_the_readers_own_cases(client, people, staff_dashboard, reader, expected):
    client.force_login(people[reader])
    rows = {row[0]: row[1] for row in gender_table(client, staff_dashboard)[1:]}
    assert {label: rows.get(label) for label in expected} == expected
    assert "<5" not in {cell for row in rows.items() for cell in row}


def test_the_same_chart_on_a_public_page_hides_the_small_counts(client, people, make_dashboard):
    page = make_dashboard(gender_chart())
    rows = {row[0]: row[1] for row in gender_table(client, page)[1:]}
    assert rows["weiblich"] == "<5"


def test_without_access_to_cases_the_dashboard_is_empty(client, people, staff_dashboard):
    client.force_login(people["admin"])
    html = client.get(staff_dashboard.url).content.decode()
    assert 'class="chart__empty"' in html
    assert chart_tables(html) == []


def test_anonymous_visitors_are_sent_to_the_login(client, people, staff_dashboard):
    response = client.get(staff_dashboard.url)
    assert response.status_code == 302
    assert response["Location"] == f"/_util/login/?next={staff_dashboard.url}"
    csv_url = f"/dashboards/{staff_dashboard.pk}/staff/charts/0.csv"
    response = client.get(csv_url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_never_cached_for_others(client, people, staff_dashboard):
    client.force_login(people["wuppertal"])
    response = client.get(staff_dashboard.url)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_figures_cache_is_per_reader(client, people, staff_dashboard, settings):
    settings.DASHBOARDS_CACHE_SECONDS = 300
    cache.clear()
    client.force_login(people["wuppertal"])
    assert gender_table(client, staff_dashboard)[-1] == ["Gesamt", "4"]
    client.force_login(people["solingen"])
    assert gender_table(client, staff_dashboard)[-1] == ["Gesamt", "2"]
    client.force_login(people["wuppertal"])
    assert gender_table(client, staff_dashboard)[-1] == ["Gesamt", "4"]


def test_not_in_the_api_nor_in_open_data(client, people, staff_dashboard, make_dashboard):
    public = make_dashboard(gender_chart(), title="Ergebnisse", slug="ergebnisse")
    client.force_login(people["wuppertal"])  # signed in or not: never there
    listing = client.get("/api/v2/dashboards/").json()
    assert [item["id"] for item in listing["items"]] == [public.pk]
    assert client.get(f"/api/v2/dashboards/{staff_dashboard.pk}/").status_code == 404
    pages = client.get("/api/v2/pages/").json()
    assert staff_dashboard.pk not in [item["id"] for item in pages["items"]]
    assert public.pk in [item["id"] for item in pages["items"]]
    assert client.get(f"/api/v2/pages/{staff_dashboard.pk}/").status_code == 404
    found = client.get(f"/api/v2/pages/find/?html_path={staff_dashboard.url}")
    assert found.status_code == 404
    assert client.get(f"/dashboards/{staff_dashboard.pk}/open-data.csv").status_code == 404
    assert client.get(f"/dashboards/{staff_dashboard.pk}/charts/0.csv").status_code == 404
    html = client.get(staff_dashboard.url).content.decode()
    assert "open-data.csv" not in html and f"/dashboards/{staff_dashboard.pk}/charts/" not in html
    assert staff_dashboard.get_sitemap_urls() == []


def test_chart_csv_for_the_same_reader_with_an_audit_entry(client, people, staff_dashboard):
    csv_url = f"/dashboards/{staff_dashboard.pk}/staff/charts/0.csv"
    client.force_login(people["wuppertal"])
    html = client.get(staff_dashboard.url).content.decode()
    assert f'href="{csv_url}"' in html
    response = client.get(csv_url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    rows = read_csv(response)
    assert rows[1:] == [
        ["weiblich", "3"],
        ["männlich", "1"],
        ["divers", "0"],
        ["keine Angabe", "0"],
        ["Gesamt", "4"],
    ]
    entry = PageLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == people["wuppertal"] and entry.page_id == staff_dashboard.pk
    assert entry.data["chart"] == 0
    assert not ModelLogEntry.objects.filter(action=EXPORT_ACTION).exists()

    client.force_login(people["solingen"])
    assert read_csv(client.get(csv_url))[-1] == ["Gesamt", "2"]


def test_admin_home_links_the_staff_dashboards_for_those_who_see_cases(
    client, people, staff_dashboard
):
    client.force_login(people["wuppertal"])
    html = client.get("/admin/").content.decode()
    assert 'id="dashboards-staff-section"' in html and f'href="{staff_dashboard.url}"' in html
    client.force_login(people["admin"])
    assert 'id="dashboards-staff-section"' not in client.get("/admin/").content.decode()


def test_demo_staff_dashboard_in_both_languages(home_pages):
    from dashboards.demo_staff import load_staff_dashboards

    german, english = load_staff_dashboards()
    assert [p.pk for p in load_staff_dashboards()] == [german.pk, english.pk]  # idempotent
    pages = DashboardPage.objects.staff().live()
    assert {page.locale.language_code for page in pages} == {"de", "en"}
    assert {page.slug for page in pages} == {"kennzahlen", "case-figures"}
    assert not any(page.show_in_menus for page in pages)
    body = pages.get(slug="kennzahlen").body
    kinds = {child.value["chart_type"] for child in body if child.block_type == "chart"}
    assert body[0].block_type == "text" and "<h2" in body[0].value.source  # heading order
    assert "kpi" in kinds and "bar" in kinds
