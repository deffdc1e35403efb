"""Disclosure control for everything published: small counts hidden, and hidden cells kept from
being recomputed from what else a dashboard shows.

Each count on a dashboard is a *variable*, named by what it counts (the measure, the source, the
date range and the fixed attributes: filters, category, period bucket), so the same number
appearing in two tables (a gender table's "female" cell and a table filtered to women) is one
variable. The tables give *equations*: a total is the sum of its categories, and of its period
buckets. Then:

1. primary: counts from 1 to threshold − 1 are hidden (shown as "<5");
2. secondary: in every equation with exactly one hidden variable another one is hidden (the
   smallest positive one), and where the bounds a reader knows ("<5" means 1–4) pin a hidden
   count to one value, one more is hidden;
3. finally the equations are solved exactly (fractions) for the hidden variables; any hidden
   count still determined by what is published gets a neighbour hidden, until none is.

Rates hide with their numerator or denominator; medians with the number they are taken of.
Suppressed cells lose their values, so no template, CSV or API can publish them by mistake.
Different date ranges on one dashboard are not related to each other (a reader subtracting two
overlapping ranges is not guarded against).
"""

import copy
from dataclasses import dataclass, field
from fractions import Fraction

from .metrics.registry import COUNT, MEDIAN, RATE
from .metrics.tables import PRIMARY, SECONDARY, Cell, Table, suppression_threshold

PLACED = "placed_participants"  # the rate's numerator and the median's count


@dataclass
class Variable:
    value: int
    cells: list[tuple[Cell, str]] = field(default_factory=list)  # (cell, "value"/"num"/"den")
    hidden: str = ""  # "", PRIMARY or SECONDARY


def _name(table: Table, cell: Cell | None, quantity: str, period: str | None, key: str):
    filters = table.filters
    attributes = {}
    for name in ("city", "gender", "age_group"):
        if getattr(filters, name) not in (None, ""):
            attributes[name] = str(getattr(filters, name))
    if period is not None:
        attributes["period"] = f"{table.period}:{period}"
    elif table.period == "funding_period":  # a total of what the funding periods cover
        attributes["within"] = "funding_periods"
    if key:
        attributes[table.breakdown] = key
    return (
        quantity,
        table.source,
        filters.date_from,
        filters.date_to,
        frozenset(attributes.items()),
    )


def _quantities(table: Table) -> list[tuple[str, str]]:
    """The counts behind a table's cells, as (quantity name, the cell's attribute)."""
    measure = table.measure
    if measure.kind == RATE:
        return [(PLACED, "numerator"), ("participants_entered", "denominator")]
    if measure.kind == MEDIAN:
        return [(PLACED, "denominator")]
    return [(measure.key, "value")]


class Dashboard:
    """The variables and equations of a set of tables."""

    def __init__(self, tables: list[Table]):
        self.variables: dict[tuple, Variable] = {}
        self.equations: list[tuple[tuple, list[tuple]]] = []  # (total, parts)
        for table in tables:
            self._add(table)

    def _variable(self, name, cell: Cell | None, attribute: str) -> tuple:
        value = getattr(cell, attribute) if cell is not None else None
        variable = self.variables.setdefault(name, Variable(value=value))
        if cell is not None:
            variable.cells.append((cell, attribute))
            if variable.value is None:
                variable.value = value
        return name

    def _add(self, table: Table) -> None:
        if table.source == "historical" and table.measure.kind != COUNT:
            return  # published rates without counts: nothing to recompute them from
        for quantity, attribute in _quantities(table):
            names = {}
            for cell in table.cells():
                is_total = cell is table.total
                period = None if is_total else cell.period
                key = "" if (is_total or cell in table.period_totals) else cell.key
                name = _name(table, cell, quantity, period, key)
                names[(period, key)] = self._variable(name, cell, attribute)
            self._equations(table, quantity, names)

    def _equations(self, table: Table, quantity: str, names: dict) -> None:
        periods = sorted({period for period, _key in names if period is not None})
        keys = sorted({key for _period, key in names if key})

        def name(period, key):
            return names.get((period, key)) or self._variable(
                _name(table, None, quantity, period, key), None, ""
            )

        if keys and table.additive:
            for period in periods or [None]:
                self.equations.append((name(period, ""), [name(period, key) for key in keys]))
        if periods and table.periods_additive:
            for key in ["", *keys]:
                self.equations.append((name(None, key), [name(p, key) for p in periods]))


def _known(variable: Variable) -> bool:
    return bool(variable.cells) and not variable.hidden


def _bounds(variable: Variable, threshold: int) -> tuple[int, float]:
    """What a reader knows of a hidden count: "<5" is 1–4, "x" is any count."""
    if variable.hidden == PRIMARY:
        return 1, threshold - 1
    return 0, float("inf")


class Suppressor:
    def __init__(self, dashboard: Dashboard, threshold: int):
        self.dashboard, self.threshold = dashboard, threshold
        self.variables = dashboard.variables

    def run(self) -> None:
        for variable in self.variables.values():
            if variable.cells and variable.value and 0 < variable.value < self.threshold:
                variable.hidden = PRIMARY
        while self._secondary_pass() or self._exact_pass():
            pass

    def _hidden(self, names) -> list[tuple]:
        return [name for name in names if not _known(self.variables[name])]

    def _hide_one_of(self, names) -> bool:
        candidates = [name for name in names if _known(self.variables[name])]
        if not candidates:
            return False
        positive = [name for name in candidates if self.variables[name].value] or candidates
        choice = min(positive, key=lambda name: (self.variables[name].value, str(name)))
        self.variables[choice].hidden = SECONDARY
        return True

    def _secondary_pass(self) -> bool:
        changed = False
        for total, parts in self.dashboard.equations:
            names = [total, *parts]
            hidden = self._hidden(names)
            if len(hidden) == 1 or (hidden and self._pinned(total, parts)):
                changed |= self._hide_one_of(names)
        return changed

    def _pinned(self, total, parts) -> bool:
        """Whether the bounds of the hidden parts, with everything else in the equation known,
        leave one of them only one possible value."""
        if not _known(self.variables[total]):
            return False
        hidden = self._hidden(parts)
        rest = self.variables[total].value - sum(
            self.variables[name].value for name in parts if name not in hidden
        )
        bounds = [_bounds(self.variables[name], self.threshold) for name in hidden]
        for index, (low, high) in enumerate(bounds):
            others_low = sum(b[0] for i, b in enumerate(bounds) if i != index)
            others_high = sum(b[1] for i, b in enumerate(bounds) if i != index)
            if max(low, rest - others_high) >= min(high, rest - others_low):
                return True
        return False

    def _exact_pass(self) -> bool:
        determined = determined_variables(self.dashboard, self.threshold)
        for name in determined:
            for total, parts in self.dashboard.equations:
                if name in (total, *parts) and self._hide_one_of([total, *parts]):
                    return True
        return False


def determined_variables(dashboard: Dashboard, threshold: int | None = None) -> list[tuple]:
    """The hidden counts shown in a table that the published ones determine exactly."""
    unknown = [name for name, variable in dashboard.variables.items() if not _known(variable)]
    column = {name: index for index, name in enumerate(unknown)}
    rows = []
    for total, parts in dashboard.equations:
        coefficients = {}
        for name, sign in [(total, -1)] + [(part, 1) for part in parts]:
            if name in column:
                coefficients[column[name]] = coefficients.get(column[name], 0) + sign
        coefficients = {k: Fraction(v) for k, v in coefficients.items() if v}
        if coefficients:
            rows.append(coefficients)
    pivots = _reduce(rows)
    return [
        unknown[index]
        for index, row in pivots.items()
        if len(row) == 1 and dashboard.variables[unknown[index]].cells
    ]


def _reduce(rows: list[dict[int, Fraction]]) -> dict[int, dict[int, Fraction]]:
    """Reduced row echelon form of sparse rows: pivot column -> its row (pivot 1)."""
    pivots: dict[int, dict[int, Fraction]] = {}
    for row in rows:
        row = dict(row)
        for column in [c for c in row if c in pivots]:
            if column in row:
                factor = row[column]
                for c, v in pivots[column].items():
                    row[c] = row.get(c, 0) - factor * v
                row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        pivot = min(row)
        scale = row[pivot]
        row = {c: v / scale for c, v in row.items()}
        for other in pivots.values():
            if pivot in other:
                factor = other[pivot]
                for c, v in row.items():
                    other[c] = other.get(c, 0) - factor * v
                for c in [c for c, v in other.items() if not v]:
                    del other[c]
        pivots[pivot] = row
    return pivots


def _apply(dashboard: Dashboard, tables: list[Table]) -> None:
    hidden_cells: dict[int, str] = {}
    for variable in dashboard.variables.values():
        if variable.hidden:
            for cell, _attribute in variable.cells:
                if hidden_cells.get(id(cell)) != PRIMARY:
                    hidden_cells[id(cell)] = variable.hidden
    for table in tables:
        for cell in table.cells():
            reason = hidden_cells.get(id(cell))
            if reason:
                cell.suppressed, cell.suppression = True, reason
                cell.value = cell.numerator = cell.denominator = None


def suppress(tables: list[Table], threshold: int | None = None) -> list[Table]:
    """Copies of ``tables`` with small counts, and what would reveal them, hidden."""
    threshold = threshold or suppression_threshold()
    tables = copy.deepcopy(tables)
    dashboard = Dashboard(tables)
    Suppressor(dashboard, threshold).run()
    _apply(dashboard, tables)
    return tables
