"""Tables are computed once per request, cached, and recomputed when the data changes."""

from datetime import date

import pytest

from dashboards.cache import cached_table, request_memo
from dashboards.demo_historical import load_historical_figures
from dashboards.models import HistoricalFigure
from tests.casework.factories import CaseFactory
from tests.dashboards.factories import TODAY

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(autouse=True)
def clear_cache(settings):
    from django.core.cache import cache

    settings.DASHBOARDS_CACHE_SECONDS = 300
    cache.clear()


def test_the_second_call_runs_no_query(programme, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = cached_table("participants_entered", "gender", today=TODAY)
    with django_assert_num_queries(0):
        second = cached_table("participants_entered", "gender", today=TODAY)
    assert second.total.value == first.total.value == 6


def test_one_request_never_computes_a_table_twice(programme, settings, django_assert_num_queries):
    settings.DASHBOARDS_CACHE_SECONDS = 0  # no Django cache: only the request's memo
    with request_memo(), django_assert_num_queries(1):
        cached_table("placements", "none", "year", today=TODAY)
        cached_table("placements", "none", "year", today=TODAY)
    with django_assert_num_queries(1):  # a new request computes again
        cached_table("placements", "none", "year", today=TODAY)


def test_saving_a_case_invalidates(programme):
    assert cached_table("participants_entered", today=TODAY).total.value == 6
    case = CaseFactory(case_manager=programme["a"].case_manager, date_of_entry=date(2012, 1, 1))
    assert cached_table("participants_entered", today=TODAY).total.value == 7
    case.gender = "male"
    case.save()
    assert cached_table("participants_entered", "gender", today=TODAY).cell(None, "male").value == 4
    case.delete()
    assert cached_table("participants_entered", today=TODAY).total.value == 6


def test_a_save_inside_a_request_clears_its_memo(programme):
    with request_memo():
        assert cached_table("placements", today=TODAY).total.value == 5
        programme["a"].placements.first().delete()
        assert cached_table("placements", today=TODAY).total.value == 4


def test_historical_figures_invalidate(db):
    load_historical_figures()
    assert cached_table("placements", source="historical").total.value == 498
    HistoricalFigure.objects.filter(measure="placements").get().delete()
    assert cached_table("placements", source="historical").total.value == 0


def test_the_language_is_part_of_the_key(programme):
    from django.utils import translation

    with translation.override("en"):
        english = cached_table("participants_entered", "gender", today=TODAY)
    with translation.override("de"):
        german = cached_table("participants_entered", "gender", today=TODAY)
    assert english.rows[0].label == "female"
    assert german.rows[0].label == "weiblich"


def test_generated_cases_invalidate_once_committed(programme, django_capture_on_commit_callbacks):
    from casework import demo_bulk
    from dashboards.cache import generation

    assert cached_table("participants_entered", today=TODAY).total.value == 6
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        demo_bulk.generate(20, today=TODAY, write=lambda line: None)
    assert generation() == before + 1  # once for the whole load, not per row
    assert cached_table("participants_entered", today=TODAY).total.value == 26
