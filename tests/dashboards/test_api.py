"""``/api/v2/dashboards/`` gives the numbers the page shows, suppressed the same way."""

from django.utils import translation

import pytest

from dashboards.demo import chart_block
from dashboards.metrics import MEASURES

from .chart_pages import chart_tables, gender_chart

pytestmark = pytest.mark.django_db


def test_api_equals_the_page(client, cases, make_dashboard):
    page = make_dashboard(
        gender_chart(),
        chart_block("Nach Stadt", "participants_entered", "city"),
        chart_block("Quote", "placement_rate", chart_type="kpi"),
    )
    shown = chart_tables(client.get(page.url).content.decode())
    listing = client.get("/api/v2/dashboards/").json()
    assert listing["meta"]["total_count"] == 1
    charts = listing["items"][0]["charts"]
    from_api = [
        [chart["table"]["headers"], *chart["table"]["rows"]]
        + ([chart["table"]["footer"]] if chart["table"]["footer"] else [])
        for chart in charts
        if chart["table"]
    ]
    assert from_api == shown
    assert ["Solingen", "<5"] in charts[1]["table"]["rows"]
    assert charts[2]["empty"] and charts[2]["table"] is None  # no placements: no rate either
    assert charts[0]["measures"][0]["key"] == "participants_entered"
    with translation.override("de"):
        definition = str(MEASURES["participants_entered"].definition)
    assert charts[0]["measures"][0]["definition"] == definition
    assert charts[0]["csv"] == f"/dashboards/{page.pk}/charts/0.csv"
    assert client.get(f"/api/v2/dashboards/{page.pk}/").json()["charts"] == charts


def test_api_reports_a_chart_it_cannot_compute_and_hides_drafts(client, cases, make_dashboard):
    page = make_dashboard(chart_block("Alt", "measure_that_was_removed"))
    chart = client.get(f"/api/v2/dashboards/{page.pk}/").json()["charts"][0]
    assert chart["table"] is None and chart["error"]
    draft = make_dashboard(gender_chart(), slug="entwurf", publish=False)
    assert client.get(f"/api/v2/dashboards/{draft.pk}/").status_code == 404
    assert client.get("/api/v2/dashboards/").json()["meta"]["total_count"] == 1


def test_pages_endpoint_gives_the_chart_set_up_and_definitions_without_numbers(
    client, cases, make_dashboard
):
    page = make_dashboard(gender_chart())
    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]
    chart = body[0]["value"]
    assert chart["measures"][0]["key"] == "participants_entered"
    assert "table" not in chart
