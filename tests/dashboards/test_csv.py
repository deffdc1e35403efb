"""Each chart's CSV holds exactly the numbers its table shows; the open-data CSV all of them."""

from wagtail.models import PageViewRestriction

import pytest

from dashboards.demo import chart_block

from .chart_pages import chart_tables, gender_chart, read_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def dashboard(cases, make_dashboard):
    return make_dashboard(
        gender_chart(),
        chart_block("Nach Stadt", "participants_entered", "city", "table"),
        chart_block(
            "Nach Stadt und Quartal",
            "participants_entered",
            "city",
            "stacked_bar",
            period="quarter",
        ),
    )


def test_chart_csv_equals_the_table_shown(client, dashboard):
    tables = chart_tables(client.get(dashboard.url).content.decode())
    assert len(tables) == 3
    for index, table in enumerate(tables):
        response = client.get(f"/dashboards/{dashboard.pk}/charts/{index}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert read_csv(response) == table
    assert ["Solingen", "<5"] in tables[1]  # suppressed in both


def test_open_data_csv_has_every_published_cell(client, dashboard):
    tables = chart_tables(client.get(dashboard.url).content.decode())
    rows = read_csv(client.get(f"/dashboards/{dashboard.pk}/open-data.csv"))
    published = {tuple(row[2:5]) for row in rows[1:]}
    for table in tables:
        headers = table[0]
        for row in table[1:]:
            for header, cell in zip(headers[1:], row[1:], strict=True):
                assert (row[0], header, cell) in published
    assert "3" not in {row[4] for row in rows[1:]}


def test_csv_of_a_draft_or_private_page_is_not_served(client, cases, make_dashboard):
    draft = make_dashboard(gender_chart(), slug="entwurf", publish=False)
    assert client.get(f"/dashboards/{draft.pk}/charts/0.csv").status_code == 404
    private = make_dashboard(gender_chart(), slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert client.get(f"/dashboards/{private.pk}/charts/0.csv").status_code == 404
    assert client.get(f"/dashboards/{private.pk}/open-data.csv").status_code == 404


def test_csv_of_a_chart_that_cannot_be_shown_is_not_served(client, cases, make_dashboard):
    page = make_dashboard(chart_block("Alt", "measure_that_was_removed"))
    assert client.get(f"/dashboards/{page.pk}/charts/0.csv").status_code == 404
    assert client.get(f"/dashboards/{page.pk}/charts/7.csv").status_code == 404
