"""Each measure on a hand-made set of six participants (``small_programme``):

| case | gender     | age at entry | city     | entered    | closed     | first placement       |
| a    | female     | 18           | Wuppertal| 2009-03-10 | 2009-09-30 | work 2009-09 (6 mo.)  |
| b    | male       | 24           | Wuppertal| 2009-07-15 | open       | training 2009-10 (3)  |
| c    | male       | 30           | Wuppertal| 2009-01-20 | open       | work¹ 2010-01 (12)    |
| d    | female     | 40           | Solingen | 2010-02-01 | 2010-12-31 | none                  |
| e    | not stated | unknown      | Wuppertal| 2011-05-05 | open       | none                  |
| f    | male       | 59           | Wuppertal| 2009-03-01 | open       | work 2009-04 (1)²     |

¹ not on the first labour market. ² and work again 2010-06.

Transfers: a → Diakonie (completed), b → Gesa (accepted), c → Diakonie (declined) and → Gesa
(completed). Exchanges on a's transfer: 2009-05-15 held, 2009-07-01 not held; on b's: 2026-06-01.
"""

from datetime import date

import pytest

from dashboards.metrics import MEASURES, Filters, compute
from tests.dashboards.factories import TODAY

pytestmark = pytest.mark.usefixtures("english")

RANGE = Filters(date_from=date(2009, 1, 1), date_to=date(2011, 12, 31))


def values(table):
    return {(cell.period, cell.key): cell.value for cell in table.rows if cell.value}


@pytest.mark.parametrize(
    ("measure", "total"),
    [
        ("participants_entered", 6),
        ("placements", 5),
        ("placements_work", 4),
        ("placements_training", 1),
        ("placements_first_labour_market", 4),
        ("placement_rate", 66.7),
        ("median_months_to_placement", 4.5),
        ("transfers", 4),
        ("transfers_by_outcome", 4),
        ("exchanges_held", 1),
        ("exchanges_due", 2),
    ],
)
def test_each_measure_totals(programme, measure, total):
    assert compute(measure, today=TODAY).total.value == total


def test_every_measure_has_a_definition():
    for measure in MEASURES.values():
        assert str(measure.label) and len(str(measure.definition)) > 40


def test_placement_rate_keeps_numerator_and_denominator(programme):
    table = compute("placement_rate", "gender", today=TODAY)
    female = table.cell(None, "female")
    assert (female.numerator, female.denominator, female.value) == (1, 2, 50.0)
    assert (table.total.numerator, table.total.denominator) == (4, 6)
    assert table.cell(None, "diverse").value is None  # nobody: no rate, not 0 %


def test_median_by_gender_and_age_group(programme):
    by_gender = compute("median_months_to_placement", "gender", today=TODAY)
    assert values(by_gender) == {(None, "female"): 6.0, (None, "male"): 3.0}
    assert by_gender.cell(None, "male").denominator == 3
    by_age = compute("median_months_to_placement", "age_group", today=TODAY)
    assert values(by_age) == {
        (None, "under_25"): 4.5,
        (None, "25_34"): 12.0,
        (None, "50_plus"): 1.0,
    }


def test_breakdowns_of_participants(programme):
    assert values(compute("participants_entered", "gender")) == {
        (None, "female"): 2,
        (None, "male"): 3,
        (None, "not_stated"): 1,
    }
    assert values(compute("participants_entered", "age_group")) == {
        (None, "under_25"): 2,
        (None, "25_34"): 1,
        (None, "35_49"): 1,
        (None, "50_plus"): 1,
        (None, "unknown"): 1,
    }
    by_city = compute("participants_entered", "city")
    assert {cell.label: cell.value for cell in by_city.rows} == {"Solingen": 1, "Wuppertal": 5}
    assert values(compute("participants_entered", "residence_status")) == {
        (None, "tolerated"): 4,
        (None, "humanitarian"): 1,
        (None, "not_recorded"): 1,
    }


def test_participants_by_partner_count_each_partner_and_the_total_once(programme):
    table = compute("participants_entered", "partner")
    diakonie, gesa = str(programme["diakonie"].pk), str(programme["gesa"].pk)
    assert values(table) == {(None, diakonie): 2, (None, gesa): 2, (None, "none"): 3}
    assert table.total.value == 6 and not table.additive


def test_transfers_by_outcome(programme):
    table = compute("transfers_by_outcome", today=TODAY)
    assert table.breakdown == "outcome"
    assert values(table) == {(None, "accepted"): 1, (None, "declined"): 1, (None, "completed"): 2}


def test_periods_by_year_with_totals(programme):
    table = compute("participants_entered", "gender", "year", RANGE)
    assert table.periods == [("2009", "2009"), ("2010", "2010"), ("2011", "2011")]
    assert values(table) == {
        ("2009", "female"): 1,
        ("2009", "male"): 3,
        ("2010", "female"): 1,
        ("2011", "not_stated"): 1,
    }
    assert [cell.value for cell in table.period_totals] == [4, 1, 1]


def test_months_and_quarters_fill_gaps(programme):
    months = compute("placements", "period", "month", Filters(date_to=date(2009, 12, 31)))
    # from the first placement to the end of the range
    assert [cell.period for cell in months.rows] == [f"2009-{m:02d}" for m in range(4, 13)]
    assert [cell.value for cell in months.rows] == [1, 0, 0, 0, 0, 1, 1, 0, 0]
    quarters = compute("placements", "none", "quarter")
    assert values(quarters) == {
        ("2009-Q2", ""): 1,
        ("2009-Q3", ""): 1,
        ("2009-Q4", ""): 1,
        ("2010-Q1", ""): 1,
        ("2010-Q2", ""): 1,
    }


def test_funding_periods(programme):
    table = compute("participants_entered", "none", "funding_period")
    assert values(table) == {("2008-2010", ""): 5, ("2010-2013", ""): 1}


def test_active_participants_per_year(programme):
    table = compute("participants_active", "none", "year", RANGE, today=TODAY)
    assert [cell.value for cell in table.rows] == [4, 4, 4]
    assert table.total.value == 6 and not table.periods_additive
    as_of_today = compute("participants_active", today=TODAY)
    assert as_of_today.total.value == 4  # b, c, e, f are open


def test_filters(programme):
    wuppertal = programme["a"].city_id
    assert compute("participants_entered", filters=Filters(city=wuppertal)).total.value == 5
    assert compute("placements", filters=Filters(gender="male")).total.value == 4
    assert compute("participants_entered", filters=Filters(age_group="under_25")).total.value == 2
    in_2009 = Filters(date_from=date(2009, 1, 1), date_to=date(2009, 12, 31))
    assert compute("placements", filters=in_2009).total.value == 3
    rate = compute("placement_rate", filters=Filters(gender="female", city=wuppertal))
    assert (rate.total.numerator, rate.total.denominator) == (1, 1)


def test_exchanges_due_exclude_the_future(programme):
    later = date(2026, 7, 1)
    assert compute("exchanges_due", today=later).total.value == 3
    assert compute("exchanges_held", today=later).total.value == 1


def test_empty_selection_is_an_empty_table_with_a_note(programme):
    table = compute("placements", "gender", filters=Filters(date_from=date(2020, 1, 1)))
    assert table.is_empty and table.note
    assert table.total.value == 0
