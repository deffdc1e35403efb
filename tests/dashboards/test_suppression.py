"""Primary and secondary suppression over all tables of one dashboard."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboards.metrics.tables import PRIMARY, SECONDARY
from dashboards.suppression import suppress
from tests.dashboards.tables import GENDERS, count_tables, rate_table, years

THRESHOLD = 5


def test_small_counts_show_as_less_than_five_and_a_neighbour_is_hidden():
    # 2009: 3 women, 10 men; 2010: 7 women, 8 men
    tables = suppress(count_tables([[3, 10], [7, 8]]))
    by_year = tables[0]
    women_2009 = by_year.cell("2009", "female")
    assert women_2009.suppressed and women_2009.suppression == PRIMARY
    assert women_2009.display == "<5" and women_2009.value is None
    # 2009's total (13) is published, so the men of 2009 must be hidden too, and in turn
    # the women and men of 2010 (the gender totals 10 and 18 are published)
    assert by_year.cell("2009", "male").suppression == SECONDARY
    assert by_year.cell("2009", "male").display == "x"
    assert by_year.cell("2010", "female").suppressed and by_year.cell("2010", "male").suppressed
    assert [cell.value for cell in tables[1].rows] == [10, 18]
    assert tables[3].total.value == 28


def test_the_original_tables_are_left_alone():
    tables = count_tables([[3, 10]])
    suppress(tables)
    assert tables[0].rows[0].value == 3


def test_threshold_comes_from_settings(settings):
    settings.DASHBOARDS_SUPPRESSION_THRESHOLD = 11
    tables = suppress(count_tables([[10, 20], [30, 40]]))
    assert tables[0].cell("2009", "female").display == "<11"


def test_zero_is_published():
    tables = suppress(count_tables([[0, 10], [0, 8]]))
    assert tables[0].cell("2009", "female").value == 0
    assert not any(cell.suppressed for table in tables for cell in table.cells())


def test_two_small_cells_summing_to_their_minimum_are_not_left_alone():
    # 1 + 1 = 2 with both shown as "<5" means both are 1: a third cell must go
    tables = suppress(count_tables([[1, 1, 20]]))
    assert sum(cell.suppressed for cell in tables[0].rows) >= 3


def test_rate_hidden_when_its_numerator_is():
    entered, placed = [20, 30], [3, 12]
    (table,) = suppress([rate_table(entered, placed)])
    women, men = table.rows
    assert women.suppressed and women.display == "<5" and women.numerator is None
    # the total 15/50 is published: the men's rate would give the women's numerator back
    assert men.suppressed
    assert table.total.value == 30.0


def test_rate_hidden_when_its_denominator_is_small():
    (table,) = suppress([rate_table([4, 30, 26], [4, 12, 10])])
    assert table.rows[0].suppressed


def test_rate_denominators_are_linked_to_participant_counts():
    # the rate's denominators are the participants entered by gender, so the counts table on
    # the same dashboard hides the same cells
    counts = count_tables([[3, 10, 9]])
    tables = suppress([*counts, rate_table([3, 10, 9], [1, 6, 5])])
    assert tables[1].rows[0].suppressed
    assert tables[4].rows[0].suppressed


# --- property: nothing hidden can be recomputed from what is published --------------------


def _rank(rows: list[list[Fraction]]) -> int:
    rows = [list(row) for row in rows]
    rank, columns = 0, len(rows[0]) if rows else 0
    for column in range(columns):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][column]:
                factor = rows[r][column] / rows[rank][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def _functionals(matrix, tables):
    """Each published or hidden cell as a linear function of the person-level matrix (which the
    reader does not see): a cell is the sum of the matrix entries it covers."""
    periods, keys = years(len(matrix)), GENDERS[: len(matrix[0])]
    size = len(periods) * len(keys)

    def covering(period=None, key=None):
        vector = [Fraction(0)] * size
        for p, y in enumerate(periods):
            for c, k in enumerate(keys):
                if period in (None, y) and key in (None, k):
                    vector[p * len(keys) + c] = Fraction(1)
        return vector

    cells = []
    for table in tables:
        for cell in table.rows:
            cells.append((cell, covering(cell.period, cell.key or None)))
        for cell in table.period_totals:
            cells.append((cell, covering(cell.period)))
        cells.append((table.total, covering()))
    return cells


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=4).flatmap(
        lambda periods: st.integers(min_value=2, max_value=4).flatmap(
            lambda genders: st.lists(
                st.lists(
                    st.integers(min_value=0, max_value=14), min_size=genders, max_size=genders
                ),
                min_size=periods,
                max_size=periods,
            )
        )
    )
)
def test_no_hidden_cell_can_be_derived_from_the_published_ones(matrix):
    tables = suppress(count_tables(matrix), THRESHOLD)
    cells = _functionals(matrix, tables)
    published = [vector for cell, vector in cells if not cell.suppressed]
    for cell, _vector in cells:
        if cell.value is not None:
            assert cell.value == 0 or cell.value >= THRESHOLD
    base = _rank(published) if published else 0
    for cell, vector in cells:
        if cell.suppressed:
            assert _rank([*published, vector]) > base, f"{cell.period} {cell.key} derivable"


def _rate_functionals(genders: int, tables):
    """Each cell of a rate table (and of count tables of the same participants) as what it
    tells a reader about the unknowns: placed per gender, then entered per gender. A published
    rate is taken to give away both its numerator and its denominator."""

    def covering(key, offset):
        vector = [Fraction(0)] * (2 * genders)
        for index, gender in enumerate(GENDERS[:genders]):
            if key in ("", None, gender):
                vector[offset + index] = Fraction(1)
        return vector

    cells = []
    for table in tables:
        for cell in table.cells():
            key = "" if cell is table.total or cell in table.period_totals else cell.key
            if table.measure.key == "placement_rate":
                cells.append((cell, covering(key, 0), covering(key, genders)))
            else:
                cells.append((cell, None, covering(key, genders)))
    return cells


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=2, max_value=4).flatmap(
        lambda genders: st.lists(
            st.integers(min_value=0, max_value=30).flatmap(
                lambda entered: st.tuples(st.just(entered), st.integers(0, entered))
            ),
            min_size=genders,
            max_size=genders,
        )
    ),
    st.booleans(),
)
def test_no_hidden_rate_can_be_derived_from_the_published_cells(groups, with_counts):
    entered, placed = [e for e, _p in groups], [p for _e, p in groups]
    tables = [rate_table(entered, placed), *(count_tables([entered]) if with_counts else [])]
    tables = suppress(tables, THRESHOLD)
    cells = _rate_functionals(len(groups), tables)
    published = []
    for cell, numerator, denominator in cells:
        if not cell.suppressed:
            published += [vector for vector in (numerator, denominator) if vector is not None]
    base = _rank(published) if published else 0

    def derivable(vector) -> bool:
        return _rank([*published, vector]) == base

    for cell, numerator, denominator in cells:
        if numerator is None:
            continue
        if not cell.suppressed:
            assert cell.numerator in (0, None) or cell.numerator >= THRESHOLD
            assert cell.denominator == 0 or cell.denominator >= THRESHOLD
            continue
        assert cell.value is None and cell.numerator is None and cell.denominator is None
        assert not (derivable(numerator) and derivable(denominator)), f"rate {cell.key} derivable"
        true_n, true_d = _true(cell, entered, placed)
        if 0 < true_n < THRESHOLD:
            assert not derivable(numerator), f"numerator of {cell.key} derivable"
        if 0 < true_d < THRESHOLD:
            assert not derivable(denominator), f"denominator of {cell.key} derivable"


def _true(cell, entered, placed) -> tuple[int, int]:
    if not cell.key:
        return sum(placed), sum(entered)
    index = GENDERS.index(cell.key)
    return placed[index], entered[index]
