"""Historical figures: the demo's Wuppertal results, read through ``compute``."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from dashboards.demo_historical import load_historical_figures
from dashboards.metrics import Filters, MetricError, compute
from dashboards.models import HistoricalFigure
from dashboards.suppression import suppress
from tests.dashboards.factories import city

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("english"),
    pytest.mark.usefixtures("english"),
]


def test_demo_figures_are_loaded_once():
    load_historical_figures()
    count = HistoricalFigure.objects.count()
    load_historical_figures()
    assert HistoricalFigure.objects.count() == count == 7


def test_the_seed_figures_come_back():
    load_historical_figures()
    assert compute("participants_entered", source="historical").total.value == 1042
    assert compute("placements", source="historical").total.value == 498
    assert compute("placement_rate", source="historical").total.value == 47.8
    gender = compute("participants_entered", "gender", source="historical")
    assert [(cell.key, cell.value) for cell in gender.rows] == [("female", 448), ("male", 594)]
    assert gender.additive


def test_a_category_nobody_published_is_left_out_not_zero():
    load_historical_figures()
    age = compute("participants_entered", "age_group", source="historical")
    assert [(cell.key, cell.value) for cell in age.rows] == [("under_25", 338)]
    assert age.total.value == 1042 and not age.additive
    (published,) = suppress([age])
    assert published.rows[0].value == 338 and published.total.value == 1042


def test_periods_are_the_figures_own():
    load_historical_figures()
    table = compute("participants_entered", "none", "year", source="historical")
    assert [(cell.period, cell.value) for cell in table.rows] == [("2008-10-01/2013-08-31", 1042)]
    assert table.rows[0].period_label == "01/10/2008–31/08/2013"  # website/formats/en
    with translation.override("de"):
        german = compute("participants_entered", "none", "year", source="historical")
    assert german.rows[0].period_label == "01.10.2008–31.08.2013"


def test_filters_on_historical_figures():
    load_historical_figures()
    women = compute("participants_entered", filters=Filters(gender="female"), source="historical")
    assert women.total.value == 448
    solingen = Filters(city=city("solingen").pk)
    assert compute("participants_entered", filters=solingen, source="historical").is_empty
    in_2010 = Filters(date_from=date(2010, 1, 1), date_to=date(2010, 12, 31))
    assert compute("placements", filters=in_2010, source="historical").total.value == 0


def test_several_periods_need_a_period():
    load_historical_figures()
    HistoricalFigure.objects.create(
        measure="placements",
        city=city("wuppertal"),
        period_start=date(2008, 10, 1),
        period_end=date(2010, 10, 31),
        value=200,
        source="Zwischenbericht",
    )
    with pytest.raises(MetricError, match="several periods"):
        compute("placements", source="historical")
    by_period = compute("placements", "period", "funding_period", source="historical")
    assert [cell.value for cell in by_period.rows] == [200, 498]


def test_validation_of_a_figure():
    figure = HistoricalFigure(
        measure="nonsense",
        city=city("wuppertal"),
        period_start=date(2010, 1, 1),
        period_end=date(2009, 1, 1),
        breakdown="gender",
        value=Decimal("-1"),
        source="x",
    )
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert set(error.value.message_dict) == {"measure", "period_end", "breakdown_value", "value"}
