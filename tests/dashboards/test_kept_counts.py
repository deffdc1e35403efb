"""The kept counts (``dashboards.counts``) stay equal to the records through every kind of write,
and the figures read from them equal the figures counted from the records."""

import itertools
from datetime import date

from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.importing import announce_saved
from casework.models import Case, Placement
from casework.privacy import anonymise_cases
from dashboards import counts
from dashboards.metrics import MEASURES, Filters, compute
from dashboards.metrics.counted import BREAKDOWNS, CASE_MEASURES, answers, median
from dashboards.models import CaseCount, CaseFact, PlacementFact
from partners.models import City
from tests.casework.factories import CaseFactory, case_manager, partner
from tests.dashboards.factories import PlacementFactory
from tests.fuzzing import fuzz_settings

pytestmark = pytest.mark.django_db

COUNTED = [*CASE_MEASURES, "placements", "placements_work", "placements_training"]
COUNTED.append("placements_first_labour_market")
PERIODS = [None, "month", "quarter", "year", "funding_period"]


def assert_counts_match_records():
    fresh, cases, placements = counts.computed()
    assert counts.stored() == fresh
    assert (CaseFact.objects.count(), PlacementFact.objects.count()) == (cases, placements)
    for model, _key in counts.TABLES:
        assert not model.objects.filter(n__lte=0).exists()


def table_rows(measure, breakdown, period, filters):
    table = compute(measure, breakdown, period, filters)
    return [
        (c.key, c.period, c.label, c.value, c.numerator, c.denominator)
        for c in [*table.rows, table.total, *table.period_totals]
    ]


def assert_same_figures(measure, breakdown, period, filters):
    assert answers(MEASURES[measure], filters, period, breakdown)
    kept = table_rows(measure, breakdown, period, filters)
    with override_settings(DASHBOARDS_KEPT_COUNTS=False):
        counted = table_rows(measure, breakdown, period, filters)
    assert kept == counted, (measure, breakdown, period, filters)


@pytest.fixture
def people():
    manager = case_manager("wuppertal", username="counts-manager")
    cities = [City.objects.sources().get(slug=slug) for slug in ("wuppertal", "solingen")]
    return manager, cities


GENDERS = st.sampled_from(["female", "male", "diverse"])
BIRTHS = st.sampled_from([None, date(1980, 6, 30), date(1990, 1, 1), date(2001, 3, 15)])
DAYS = st.dates(min_value=date(2019, 11, 1), max_value=date(2021, 2, 28))
RESIDENCE = st.sampled_from(["", "tolerated", "asylum_seeker"])
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("new"), st.integers(0, 1), GENDERS, BIRTHS, DAYS, RESIDENCE),
        st.tuples(st.just("edit"), st.integers(0, 9), GENDERS, BIRTHS, DAYS, st.integers(0, 1)),
        st.tuples(st.just("delete"), st.integers(0, 9)),
        st.tuples(st.just("place"), st.integers(0, 9), st.booleans(), st.booleans(), DAYS),
        st.tuples(st.just("move"), st.integers(0, 9), st.integers(0, 9), DAYS),
        st.tuples(st.just("unplace"), st.integers(0, 9)),
        st.tuples(st.just("anonymise"), st.integers(0, 9)),
        st.tuples(st.just("import"), st.integers(1, 3), DAYS),
    ),
    min_size=1,
    max_size=14,
)
QUERIES = st.tuples(
    st.sampled_from(COUNTED),
    st.sampled_from(list(BREAKDOWNS)),
    st.sampled_from(PERIODS),
    st.sampled_from(
        [
            Filters(),
            Filters(gender="female"),
            Filters(age_group="25_34"),
            Filters(date_from=date(2020, 2, 1), date_to=date(2020, 10, 31)),
        ]
    ),
)


def apply(operation, manager, cities):
    kind, *args = operation
    cases = list(Case.objects.order_by("pk"))
    placements = list(Placement.objects.order_by("pk"))
    if kind == "new":
        city, gender, birth, entry, residence = args
        CaseFactory(
            case_manager=manager,
            city=cities[city],
            gender=gender,
            date_of_birth=birth,
            date_of_entry=entry,
            residence_status=residence,
        )
    elif kind == "import":
        size, entry = args
        built = CaseFactory.build_batch(size, case_manager=manager, date_of_entry=entry)
        announce_saved(Case, Case.objects.bulk_create(built))
    elif kind == "anonymise" and cases:
        case = cases[args[0] % len(cases)]
        anonymise_cases([case.pk], user=manager, reason="test", today=date(2026, 3, 2))
    elif kind in ("edit", "delete", "place") and cases:
        case = cases[args[0] % len(cases)]
        if kind == "edit":
            case.gender, case.date_of_birth, case.date_of_entry, city = args[1:]
            case.city = cities[city]
            case.save()
        elif kind == "delete":
            case.delete()
        else:
            work, first_market, start = args[1:]
            PlacementFactory(
                case=case,
                kind="work" if work else "vocational_training",
                first_labour_market=first_market,
                starts_on=start,
            )
    elif kind in ("move", "unplace") and placements:
        placement = placements[args[0] % len(placements)]
        if kind == "unplace":
            placement.delete()
        elif cases:
            placement.case = cases[args[1] % len(cases)]
            placement.starts_on = args[2]
            placement.save()


@fuzz_settings(max_examples=60)
@given(operations=OPERATIONS, query=QUERIES)
def test_counts_follow_every_kind_of_write(people, operations, query):
    """Saves, edits that move a case to another month, city or age group, deletes (with their
    placements), placements moved between cases, anonymisation (the birth date goes, so the age
    group does), and bulk imports: afterwards the counts equal a fresh count of the records, and
    a figure read from them equals the same figure counted from the records."""
    Case.objects.all().delete()
    assert_counts_match_records()
    manager, cities = people
    for n, birth in enumerate([None, date(1980, 6, 30), date(2001, 3, 15)]):  # something to change
        case = CaseFactory(case_manager=manager, city=cities[n % 2], date_of_birth=birth)
        PlacementFactory(case=case, starts_on=date(2020, 1 + n, 1))
    for operation in operations:  # checked after each: a later write would mend a missed one
        apply(operation, *people)
        assert_counts_match_records()
    assert_same_figures(*query)


def test_every_counted_figure_equals_the_live_count(people):
    """On one varied set of cases: every measure the counts answer, by every breakdown and
    period, with each kind of filter."""
    manager, cities = people
    for n in range(40):
        case = CaseFactory(
            case_manager=manager,
            city=cities[n % 2],
            gender=["female", "male", "diverse"][n % 3],
            date_of_birth=[None, date(1970, 2, 1), date(1990, 8, 8), date(2003, 1, 9)][n % 4],
            date_of_entry=date(2009 + n % 5, 1 + n % 12, 1 + n % 28),
            residence_status=["", "tolerated", "humanitarian"][n % 3],
        )
        for k in range(n % 3):
            PlacementFactory(
                case=case,
                kind="work" if k else "vocational_training",
                first_labour_market=bool(n % 2),
                starts_on=date(2010 + (n + k) % 5, 1 + (n * k) % 12, 2),
            )
    filters = [
        Filters(),
        Filters(city=cities[1].pk),
        Filters(gender="male"),
        Filters(age_group="35_49"),
        Filters(date_from=date(2010, 1, 1), date_to=date(2012, 6, 30)),
    ]
    for measure, breakdown, period, chosen in itertools.product(
        COUNTED, BREAKDOWNS, PERIODS, filters
    ):
        assert_same_figures(measure, breakdown, period, chosen)


def test_what_the_counts_cannot_answer_is_counted_from_the_records():
    entered = MEASURES["participants_entered"]
    assert answers(entered, Filters(), "month", "city")
    assert not answers(entered, Filters(date_from=date(2010, 1, 15)), None, "none")
    assert not answers(entered, Filters(date_to=date(2010, 1, 30)), None, "none")
    assert not answers(entered, Filters(), None, "partner")
    assert not answers(entered, Filters(cases=Case.objects.all()), None, "none")
    for key in ("participants_active", "transfers", "exchanges_held", "exchanges_due"):
        assert not answers(MEASURES[key], Filters(), None, "none")


def test_funding_periods_inside_months_are_counted_from_the_records(settings):
    entered = MEASURES["participants_entered"]
    settings.DASHBOARDS_FUNDING_PERIODS = [
        {"key": "a", "label": "A", "start": date(2009, 1, 15), "end": date(2010, 6, 30)}
    ]
    assert not answers(entered, Filters(), "funding_period", "none")
    settings.DASHBOARDS_FUNDING_PERIODS = [
        {"key": "a", "label": "A", "start": date(2009, 1, 1), "end": date(2010, 6, 30)}
    ]
    assert answers(entered, Filters(), "funding_period", "none")


@pytest.mark.parametrize(
    ("histogram", "expected"),
    [({3: 1}, 3), ({1: 1, 5: 1}, 3), ({0: 2, 7: 1}, 0), ({2: 2, 4: 2}, 3), ({-1: 1, 2: 4}, 2)],
)
def test_median_of_a_histogram(histogram, expected):
    values = sorted(itertools.chain.from_iterable([m] * n for m, n in histogram.items()))
    assert median(histogram).value == expected
    assert median(histogram).denominator == len(values)


def test_a_refresh_costs_the_same_queries_for_2_cases_and_40(people):
    manager, _cities = people
    few = CaseFactory.create_batch(2, case_manager=manager)
    many = CaseFactory.create_batch(40, case_manager=manager)
    CaseFact.objects.all().delete()
    with CaptureQueriesContext(connection) as for_few:
        counts.refresh(case.pk for case in few)
    with CaptureQueriesContext(connection) as for_many:
        counts.refresh(case.pk for case in many)
    assert len(for_few) == len(for_many)


def test_an_unchanged_case_writes_nothing(people):
    manager, _cities = people
    case = CaseFactory(case_manager=manager)
    with CaptureQueriesContext(connection) as queries:
        counts.refresh([case.pk])
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "DELETE"))]


def test_rows_written_without_signals_are_counted_after_their_transaction(
    people, django_capture_on_commit_callbacks
):
    from casework import demo_bulk

    partner(name="Träger der Tests", slug="traeger")
    with django_capture_on_commit_callbacks(execute=True):
        demo_bulk.generate(30, today=date(2026, 3, 2), write=lambda line: None)
        assert not CaseCount.objects.exists()  # not before the rows are committed
    assert Case.objects.count() == 30
    assert_counts_match_records()
    assert CaseCount.objects.exists()


def test_the_check_command_finds_and_repairs_counts_that_drifted(people, capsys):
    manager, _cities = people
    CaseFactory.create_batch(3, case_manager=manager, date_of_entry=date(2020, 5, 5))
    call_command("dashboard_counts", "--check")
    assert "agree" in capsys.readouterr().out
    CaseCount.objects.update(n=7)  # as a write past the signals would leave them
    with pytest.raises(SystemExit):
        call_command("dashboard_counts", "--check")
    assert "differ" in capsys.readouterr().out
    call_command("dashboard_counts", "--rebuild")
    assert_counts_match_records()
