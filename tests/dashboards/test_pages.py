"""The dashboard page draws its charts from the suppressed tables of all its charts together."""

import json
import re

from django.utils import translation

import pytest

from dashboards.demo import chart_block
from dashboards.models import DashboardPage
from knowledge.models import KnowledgeIndexPage
from website.models import HomePage

from .chart_pages import gender_chart

pytestmark = pytest.mark.django_db


def test_page_type_rules():
    assert DashboardPage.can_create_at(HomePage())
    assert not DashboardPage.can_create_at(KnowledgeIndexPage())
    assert DashboardPage.allowed_subpage_models() == []


def test_bar_chart_with_data_island_table_summary_and_csv_link(client, cases, make_dashboard):
    page = make_dashboard(gender_chart())
    html = client.get(page.url).content.decode()

    island = re.search(r'<script id="chart-1-data" type="application/json">(.*?)</script>', html)
    figure = json.loads(island.group(1))
    bar = figure["data"][0]
    assert bar["type"] == "bar"
    labels = dict(zip(bar["x"], bar["y"], strict=True))
    assert labels["weiblich"] == 12 and labels["männlich"] == 10
    assert '<th scope="row">weiblich</th><td>12</td>' in html
    assert '<th scope="row">Gesamt</th><td>22</td>' in html
    assert "Balkendiagramm: Teilnehmende nach Geschlecht. weiblich: 12" in html
    assert f'href="/dashboards/{page.pk}/charts/0.csv"' in html
    assert 'src="/static/dashboards/js/charts.js"' in html
    assert "<script>" not in html  # no inline script


def test_small_counts_are_hidden_everywhere_on_the_page(client, cases, make_dashboard):
    by_city = chart_block("Nach Stadt", "participants_entered", "city")
    page = make_dashboard(gender_chart(), by_city)
    html = client.get(page.url).content.decode()
    assert '<th scope="row">Solingen</th><td>&lt;5</td>' in html
    island = re.search(r'<script id="chart-2-data" type="application/json">(.*?)</script>', html)
    bar = json.loads(island.group(1))["data"][0]
    solingen = bar["x"].index("Solingen")
    assert bar["y"][solingen] is None and bar["text"][solingen] == "<5"
    assert ">3<" not in html


def test_kpi_shows_the_number_in_the_readers_language(client, cases, make_dashboard):
    page = make_dashboard(chart_block("Teilnehmende", "participants_entered", chart_type="kpi"))
    html = client.get(page.url).content.decode()
    assert '<span class="chart__kpi-value">22</span>' in html
    assert "How this is counted" not in html and "So wird gezählt" in html


def test_empty_breakdown_shows_an_empty_state_not_a_chart(client, make_dashboard, german_home):
    page = make_dashboard(gender_chart())
    html = client.get(page.url).content.decode()
    assert 'class="chart__empty"' in html
    assert "chart-1-data" not in html and "charts.js" not in html


def test_removed_measure_shows_a_message_in_place_of_the_chart(client, cases, make_dashboard):
    page = make_dashboard(chart_block("Alt", "measure_that_was_removed"), gender_chart())
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="chart__message"' in html
    assert "chart-2-data" in html  # the other chart is still drawn


def test_each_chart_is_under_50_kb_of_html(client, cases, make_dashboard):
    quarterly = chart_block(
        "Je Quartal", "participants_entered", "gender", "stacked_bar", period="month"
    )
    page = make_dashboard(quarterly)
    html = client.get(page.url).content.decode()
    chart = html[html.index('<figure class="chart') : html.index("</figure>")]
    assert len(chart.encode()) < 50_000


def test_english_translation_formats_numbers_in_english(cases, make_dashboard):
    from wagtail.models import Locale

    page = make_dashboard(chart_block("Participants", "participants_entered", chart_type="kpi"))
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    with translation.override("en"):
        from django.test import Client

        html = Client().get("/en" + english.url.removeprefix("/en")).content.decode()
    assert "How this is counted" in html
