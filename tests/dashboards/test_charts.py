"""From tables to figures: one series per category, colours colour-blind readers can tell
apart, numbers in the reader's language, suppressed cells never plotted."""

from django.utils import translation

import pytest

from dashboards import charts
from dashboards.metrics import MEASURES, Cell, Table


def table(measure="participants_entered", breakdown="gender", period=None, rows=(), total=None):
    return Table(MEASURES[measure], breakdown, period, list(rows), total)


def test_numbers_are_written_as_the_reader_expects():
    cell = Cell("Gesamt", 1042)
    rate = Cell("Quote", 47.8)
    with translation.override("de"):
        assert charts.number(cell, "count") == "1.042"
        assert charts.number(rate, "rate") == "47,8 %"
    with translation.override("en"):
        assert charts.number(cell, "count") == "1,042"
        assert charts.number(rate, "rate") == "47.8%"


def test_a_suppressed_cell_is_published_as_the_suppression_says_and_not_plotted():
    hidden = Cell("Solingen", None, suppressed=True, suppression="primary")
    shown = table(breakdown="city", rows=[Cell("Wuppertal", 19, key="w"), hidden])
    figure = charts.figure(shown, "count", "bar")
    assert figure["data"][0]["y"] == [19, None]
    assert figure["data"][0]["text"][1] == hidden.display == "<5"


def test_stacked_bar_by_period_has_one_series_per_category_in_okabe_ito_colours():
    rows = [
        Cell("weiblich", 6, key="female", period="2025-Q1", period_label="Q1 2025"),
        Cell("männlich", 7, key="male", period="2025-Q1", period_label="Q1 2025"),
        Cell("weiblich", 8, key="female", period="2025-Q2", period_label="Q2 2025"),
        Cell("männlich", 9, key="male", period="2025-Q2", period_label="Q2 2025"),
    ]
    shown = table(period="quarter", rows=rows, total=Cell("Gesamt", 30))
    figure = charts.figure(shown, "count", "stacked_bar")
    assert [trace["name"] for trace in figure["data"]] == ["weiblich", "männlich"]
    assert figure["data"][1]["y"] == [7, 9]
    assert figure["layout"]["barmode"] == "stack"
    assert figure["layout"]["colorway"] == charts.OKABE_ITO
    with translation.override("en"):
        headers, body, footer = charts._table_rows(shown, "count")
    assert headers == ["Period", "weiblich", "männlich"]
    assert body == [["Q1 2025", "6", "7"], ["Q2 2025", "8", "9"]]
    assert footer == ["Total", "", "30"]


def test_donut_slices_take_distinct_palette_colours():
    rows = [Cell(label, value, key=label) for label, value in [("a", 10), ("b", 20), ("c", 30)]]
    figure = charts.figure(table(rows=rows), "count", "donut")
    colours = figure["data"][0]["marker"]["colors"]
    assert colours == charts.OKABE_ITO[:3] and len(set(colours)) == 3


def test_palette_is_okabe_ito():
    assert set(charts.OKABE_ITO) == {
        "#000000",
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
    }


@pytest.mark.parametrize("chart_type", ["bar", "line", "donut", "stacked_bar"])
def test_figures_are_small(chart_type):
    rows = [Cell(f"Kategorie {i}", i * 7, key=str(i)) for i in range(40)]
    figure = charts.figure(table(breakdown="partner", rows=rows), "count", chart_type)
    assert len(charts.Shown(chart_type, "", [], [], None, [], figure=figure).figure_json) < 20_000
