"""The chart block: what the editor needs, and nothing of the measures frozen in migrations."""

from django.utils import translation

import pytest

from dashboards.blocks import ChartBlock, DashboardStreamBlock, MeasureChoiceBlock
from dashboards.metrics import MEASURES

pytestmark = pytest.mark.django_db


def test_every_block_has_what_the_editor_needs():
    for block in [ChartBlock(), *DashboardStreamBlock().child_blocks.values()]:
        meta = block.meta
        assert meta.icon and meta.template and meta.description and meta.preview_value


def test_measure_choices_come_from_the_metrics_module_and_stay_out_of_migrations():
    block = MeasureChoiceBlock()
    keys = [key for key, _label in block.field.choices if key]
    assert keys == list(MEASURES)
    _path, _args, kwargs = block.deconstruct()
    assert "choices" not in kwargs


def test_the_editor_preview_renders_the_preview_value():
    block = ChartBlock()
    value = block.to_python(block.meta.preview_value)
    with translation.override("de"):
        html = block.render(value, context={})
    assert "Teilnehmende nach Geschlecht" in html
    assert 'class="chart__message"' not in html  # a measure that exists


def test_a_chart_naming_a_removed_measure_renders_a_message(cases):
    block = ChartBlock()
    value = block.to_python({**block.meta.preview_value, "measure": "gone", "source": "live"})
    with translation.override("en"):
        html = block.render(value, context={})
    assert 'class="chart__message"' in html
    assert "gone" in html or "no longer" in html


def test_a_filter_value_that_does_not_exist_renders_a_message(cases):
    block = ChartBlock()
    raw = {**block.meta.preview_value, "source": "live", "filters": {"city": "999999"}}
    with translation.override("en"):
        html = block.render(block.to_python(raw), context={})
    assert 'class="chart__message"' in html and "999999" in html


def test_api_representation_gives_the_set_up_and_definitions():
    block = ChartBlock()
    value = block.to_python(
        {**block.meta.preview_value, "chart_type": "funnel", "funnel_stages": ["placements"]}
    )
    data = block.get_api_representation(value)
    assert [m["key"] for m in data["measures"]] == ["participants_entered", "placements"]
    assert data["measures"][1]["definition"] == str(MEASURES["placements"].definition)
