"""Tables built by hand from a period × gender count matrix, as ``compute`` would return them."""

from dashboards.metrics import MEASURES, Cell, Filters, Table
from dashboards.metrics.live import rate

GENDERS = ["female", "male", "diverse", "not_stated"]


def years(count: int) -> list[str]:
    return [str(2009 + index) for index in range(count)]


def count_tables(matrix: list[list[int]], measure="participants_entered") -> list[Table]:
    """The period × gender table, the gender table, the period table and the total."""
    measure, periods = MEASURES[measure], years(len(matrix))
    columns = range(len(matrix[0]))
    keys = GENDERS[: len(matrix[0])]
    grand = sum(map(sum, matrix))

    def table(breakdown, period, rows, period_totals=()):
        return Table(
            measure,
            breakdown,
            period,
            rows,
            Cell("Total", grand),
            "live",
            Filters(),
            list(period_totals),
        )

    return [
        table(
            "gender",
            "year",
            [
                Cell(k, matrix[p][c], key=k, period=y)
                for p, y in enumerate(periods)
                for c, k in zip(columns, keys, strict=True)
            ],
            [Cell("Total", sum(matrix[p]), period=y) for p, y in enumerate(periods)],
        ),
        table(
            "gender",
            None,
            [
                Cell(k, sum(row[c] for row in matrix), key=k)
                for c, k in zip(columns, keys, strict=True)
            ],
        ),
        table("period", "year", [Cell(y, sum(matrix[p]), period=y) for p, y in enumerate(periods)]),
        table("none", None, [Cell("Participants", grand)]),
    ]


def rate_table(entered: list[int], placed: list[int]) -> Table:
    def cell(label, numerator, denominator, key=""):
        stat = rate(numerator, denominator)
        return Cell(label, stat.value, stat.numerator, stat.denominator, key=key)

    rows = [cell(k, n, d, k) for k, n, d in zip(GENDERS, placed, entered, strict=False)]
    total = cell("Total", sum(placed), sum(entered))
    return Table(MEASURES["placement_rate"], "gender", None, rows, total, "live", Filters())
