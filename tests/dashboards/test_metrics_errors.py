"""Bad requests for figures get a clear MetricError; the number of queries does not grow with
the data."""

from datetime import date

import pytest

from dashboards.metrics import MEASURES, Filters, MetricError, compute
from tests.casework.factories import CaseFactory
from tests.dashboards.factories import TODAY, PlacementFactory, TransferFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"measure_key": "participants_by_shoe_size"}, "There is no measure"),
        ({"measure_key": "placements", "breakdown": "shoe_size"}, "Unknown breakdown"),
        ({"measure_key": "placements", "breakdown": "partner"}, "cannot be broken down"),
        ({"measure_key": "transfers", "breakdown": "outcome"}, "cannot be broken down"),
        ({"measure_key": "placements", "period": "decade"}, "Unknown period"),
        ({"measure_key": "placements", "breakdown": "period"}, "Choose a period"),
        ({"measure_key": "placements", "source": "rumour"}, "Unknown source"),
        ({"measure_key": "placements", "filters": Filters(gender="robot")}, "Unknown gender"),
        ({"measure_key": "placements", "filters": Filters(age_group="12")}, "Unknown age group"),
        ({"measure_key": "placements", "filters": Filters(city=987654)}, "no city"),
        (
            {
                "measure_key": "placements",
                "filters": Filters(date_from=date(1926, 1, 1), date_to=date(2026, 1, 1)),
            },
            "too long",
        ),
        (
            {
                "measure_key": "placements",
                "filters": Filters(date_from=date(2012, 1, 1), date_to=date(2011, 1, 1)),
            },
            "after its end",
        ),
        ({"measure_key": "placements", "filters": Filters(date_from=date(1, 1, 1))}, "1900"),
    ],
)
@pytest.mark.django_db
def test_bad_requests_raise_metric_error(arguments, message):
    with pytest.raises(MetricError, match=message):
        compute(**arguments)


@pytest.mark.django_db
def test_a_measure_removed_after_a_page_used_it(monkeypatch):
    monkeypatch.delitem(MEASURES, "placements")
    with pytest.raises(MetricError, match="removed"):
        compute("placements")
    assert issubclass(MetricError, ValueError)


@pytest.mark.django_db
def test_messages_are_translated():
    from django.utils import translation

    with translation.override("de"), pytest.raises(MetricError) as error:
        compute("nothing")
    assert "Kennzahl" in str(error.value)


QUERIES = [
    ("participants_entered", "gender", "month", 1),
    ("participants_entered", "partner", None, 2),  # the distinct total is its own query
    ("participants_active", "age_group", "quarter", 1),
    ("placements_work", "city", "year", 1),
    ("placement_rate", "age_group", "funding_period", 1),
    ("median_months_to_placement", "gender", "year", 1),
    ("transfers_by_outcome", "none", "month", 1),
    ("exchanges_due", "partner", None, 1),
]


def _grow(programme, count):
    for index in range(count):
        case = CaseFactory(
            case_manager=programme["a"].case_manager,
            date_of_entry=date(2009 + index % 3, 1 + index % 12, 1),
            gender=["female", "male"][index % 2],
        )
        PlacementFactory(case=case, starts_on=date(2012, 1 + index % 12, 1))
        TransferFactory(case=case, partner=programme["gesa"], starts_on=date(2010, 1, 1))


@pytest.mark.parametrize(("measure", "breakdown", "period", "queries"), QUERIES)
def test_one_query_per_measure_however_many_cases(
    programme, django_assert_num_queries, measure, breakdown, period, queries
):
    filters = Filters(date_from=date(2008, 1, 1), date_to=date(2014, 12, 31))
    with django_assert_num_queries(queries):
        compute(measure, breakdown, period, filters, today=TODAY)
    _grow(programme, 30)
    with django_assert_num_queries(queries):
        compute(measure, breakdown, period, filters, today=TODAY)
