"""From computed (and suppressed) tables to what a chart block shows: a plotly.py figure as
JSON, the data table, a text summary and the rows of its CSV, all from the same cells.

``present()`` builds one ``Shown`` per chart; the template, the CSV download and the API all
read it, so none can publish a number the others do not.
"""

import json
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

import plotly.graph_objects as go
import plotly.io as pio

# Okabe & Ito's palette, which readers with the common colour-vision deficiencies can tell
# apart; yellow last, as it is faint on white.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
INK, GRID = "#1b1f24", "#d9dee3"
CHART_HEIGHT = 340
SUMMARY_ITEMS = 12

CHART_TYPE_NAMES = {
    "bar": gettext_lazy("Bar chart"),
    "stacked_bar": gettext_lazy("Stacked bar chart"),
    "line": gettext_lazy("Line chart"),
    "donut": gettext_lazy("Donut chart"),
    "funnel": gettext_lazy("Funnel"),
}


@dataclass
class Shown:
    """Everything one chart publishes."""

    chart_type: str
    title: str
    headers: list[str]
    rows: list[list[str]]
    footer: list[str] | None
    measures: list[dict]  # key, label, definition of each measure shown
    summary: str = ""
    figure: dict | None = None
    empty_message: str = ""
    kpi: str = ""
    source: str = "live"
    notes: list[str] = field(default_factory=list)

    @property
    def figure_json(self) -> str:
        return json.dumps(self.figure, separators=(",", ":")) if self.figure else ""

    def csv_rows(self) -> list[list[str]]:
        return [self.headers, *self.rows, *([self.footer] if self.footer else [])]


def number(cell, kind: str) -> str:
    """A cell as published: hidden cells as the suppression says, numbers in the reader's
    language ("1,042" or "1.042")."""
    if cell is None:
        return "–"
    if cell.suppressed or cell.value is None:
        return cell.display
    if kind == "rate":
        return _("%(value)s%%") % {"value": formats.number_format(cell.value, 1, use_l10n=True)}
    if kind == "median":
        return formats.number_format(cell.value, 1, use_l10n=True)
    return formats.number_format(int(cell.value), 0, use_l10n=True, force_grouping=True)


def _plotted(cell) -> float | None:
    return None if cell is None or cell.suppressed else cell.value


def _measure_label(measure) -> str:
    unit = measure.unit
    return f"{measure.label} ({unit})" if unit else str(measure.label)


def _period_label(cell) -> str:
    return str(cell.period_label or cell.period or cell.label)


def _is_two_dimensional(table) -> bool:
    return table.period is not None and table.breakdown not in ("none", "period")


def _first_cell(table):
    if table.total is not None:
        return table.total
    return table.rows[0] if table.rows else None


def _table_rows(table, kind: str) -> tuple[list[str], list[list[str]], list[str] | None]:
    measure_header = _measure_label(table.measure)
    total = [str(_("Total")), number(table.total, kind)] if table.total is not None else None
    if _is_two_dimensional(table):
        categories = table.categories
        totals = {cell.period: cell for cell in table.period_totals}
        headers = [str(_("Period")), *(str(label) for _key, label in categories)]
        if totals:
            headers.append(str(_("Total")))
        rows = []
        for period, period_label in table.periods:
            row = [str(period_label)]
            row += [number(table.cell(period, key), kind) for key, _label in categories]
            if totals:
                row.append(number(totals.get(period), kind))
            rows.append(row)
        if total is not None:
            total = [str(_("Total")), *([""] * (len(headers) - 2)), total[1]]
        return headers, rows, total
    if table.period is not None:
        return (
            [str(_("Period")), measure_header],
            [[_period_label(cell), number(cell, kind)] for cell in table.rows],
            total,
        )
    from .metrics import BREAKDOWNS

    breakdown = BREAKDOWNS.get(table.breakdown)
    first = str(breakdown.label).capitalize() if breakdown and table.breakdown != "none" else ""
    rows = [[str(cell.label), number(cell, kind)] for cell in table.rows]
    if table.breakdown == "none" and table.total is not None:
        rows, total = [[str(table.measure.label), number(table.total, kind)]], None
    return [first, measure_header], rows, total


def _layout(showlegend: bool, **extra) -> dict:
    decimal, thousands = (",", ".") if (get_language() or "").startswith("de") else (".", ",")
    layout = {
        "template": "none",
        "autosize": True,
        "height": CHART_HEIGHT,
        "margin": {"l": 56, "r": 16, "t": 16, "b": 56},
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 14},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "colorway": OKABE_ITO,
        "separators": decimal + thousands,
        "showlegend": showlegend,
        "legend": {"orientation": "h", "y": -0.25},
        "xaxis": {"automargin": True, "type": "category", "linecolor": INK},
        "yaxis": {"automargin": True, "rangemode": "tozero", "gridcolor": GRID, "zeroline": False},
    }
    layout.update(extra)
    return layout


def _bar_traces(table, kind: str, chart_type: str) -> tuple[list, dict]:
    if _is_two_dimensional(table):
        periods = table.periods
        x = [str(label) for _key, label in periods]
        traces = []
        for key, label in table.categories:
            cells = [table.cell(period, key) for period, _label in periods]
            trace = go.Scatter if chart_type == "line" else go.Bar
            options = {"mode": "lines+markers"} if chart_type == "line" else {}
            traces.append(
                trace(
                    name=str(label),
                    x=x,
                    y=[_plotted(cell) for cell in cells],
                    text=[number(cell, kind) for cell in cells],
                    hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
                    **options,
                )
            )
        barmode = "stack" if chart_type == "stacked_bar" else "group"
        return traces, _layout(True, barmode=barmode)
    cells = table.rows
    labels = [_period_label(cell) if table.period else str(cell.label) for cell in cells]
    texts = [number(cell, kind) for cell in cells]
    if chart_type == "stacked_bar":  # one bar, split into its categories
        traces = [
            go.Bar(
                name=label,
                y=[str(table.measure.label)],
                x=[_plotted(cell)],
                text=[text],
                orientation="h",
                marker={"color": OKABE_ITO[i % len(OKABE_ITO)]},
                hovertemplate="%{text}<extra>%{fullData.name}</extra>",
            )
            for i, (label, cell, text) in enumerate(zip(labels, cells, texts, strict=True))
        ]
        axes = {"xaxis": {"rangemode": "tozero", "gridcolor": GRID}, "yaxis": {"visible": False}}
        return traces, _layout(True, barmode="stack", **axes)
    values = [_plotted(cell) for cell in cells]
    if chart_type == "line":
        trace = go.Scatter(x=labels, y=values, text=texts, mode="lines+markers")
    else:
        trace = go.Bar(x=labels, y=values, text=texts, textposition="auto")
    trace.update(hovertemplate="%{x}: %{text}<extra></extra>", marker={"color": OKABE_ITO[0]})
    return [trace], _layout(False)


def figure(table, kind: str, chart_type: str) -> dict:
    """The plotly.py figure of a table, as the plain data plotly.js draws."""
    if chart_type == "donut":
        cells = [cell for cell in table.rows if not cell.suppressed and cell.value]
        traces = [
            go.Pie(
                labels=[str(cell.label) for cell in cells],
                values=[cell.value for cell in cells],
                text=[number(cell, kind) for cell in cells],
                textinfo="text",
                textposition="inside",
                hole=0.55,
                sort=False,
                marker={
                    "colors": OKABE_ITO[: len(cells)],
                    "line": {"color": "#ffffff", "width": 2},
                },
                hovertemplate="%{label}: %{text}<extra></extra>",
            )
        ]
        layout = _layout(True)
    else:
        traces, layout = _bar_traces(table, kind, chart_type)
    fig = go.Figure(data=traces, layout=layout)
    return json.loads(pio.to_json(fig, validate=False, remove_uids=True))


def wrapped(label: str, width: int = 16) -> str:
    """A long axis label broken into lines, so it leaves the plot room on a phone."""
    lines, line = [], ""
    for word in label.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


def funnel_figure(labels: list[str], cells: list, kind: str) -> dict:
    fig = go.Figure(
        go.Funnel(
            y=[wrapped(label) for label in labels],
            textposition="inside",
            x=[_plotted(cell) for cell in cells],
            text=[number(cell, kind) for cell in cells],
            textinfo="text+percent initial",
            marker={"color": OKABE_ITO[: len(cells)]},
            hovertemplate="%{y}: %{text}<extra></extra>",
        ),
        layout=_layout(
            False, margin={"l": 16, "r": 16, "t": 16, "b": 16}, xaxis={"visible": False}
        ),
    )
    fig.update_yaxes(type="category", automargin=True)
    return json.loads(pio.to_json(fig, validate=False, remove_uids=True))


def _summary(chart_type: str, title: str, rows: list[list[str]], footer) -> str:
    kind = CHART_TYPE_NAMES.get(chart_type, _("Chart"))
    items = [f"{row[0]}: {', '.join(row[1:])}" for row in rows[:SUMMARY_ITEMS]]
    parts = [f"{kind}: {title}."]
    if items:
        parts.append("; ".join(items) + ("; …" if len(rows) > SUMMARY_ITEMS else "") + ".")
    if footer:
        parts.append(f"{footer[0]}: {footer[-1]}.")
    return " ".join(parts)


def _measure_info(measure) -> dict:
    return {"key": measure.key, "label": str(measure.label), "definition": str(measure.definition)}


def present(value, tables: list) -> Shown:
    """What a chart block with ``value`` shows for its (suppressed) ``tables``."""
    chart_type = value.get("chart_type") or "bar"
    title = value.get("title") or ""
    if chart_type == "funnel":
        kind = tables[0].measure.kind
        labels = [str(table.measure.label) for table in tables]
        cells = [_first_cell(table) for table in tables]
        rows = [[label, number(cell, kind)] for label, cell in zip(labels, cells, strict=True)]
        shown = Shown(
            chart_type,
            title,
            [str(_("Stage")), str(_("Number"))],
            rows,
            None,
            [_measure_info(table.measure) for table in tables],
            source=tables[0].source,
        )
        if all(table.is_empty for table in tables):
            shown.empty_message = str(tables[0].note or _("No data for this selection."))
        else:
            shown.figure = funnel_figure(labels, cells, kind)
        shown.summary = _summary(chart_type, title, rows, None)
        return shown
    table = tables[0]
    kind = table.measure.kind
    headers, rows, footer = _table_rows(table, kind)
    shown = Shown(
        chart_type,
        title,
        headers,
        rows,
        footer,
        [_measure_info(table.measure)],
        source=table.source,
    )
    if table.note:
        shown.notes.append(str(table.note))
    if table.is_empty and not (table.total is not None and table.total.value):
        shown.empty_message = str(table.note or _("No data for this selection."))
        shown.notes = []
    elif chart_type == "kpi":
        shown.kpi = number(_first_cell(table), kind)
    elif chart_type != "table":
        shown.figure = figure(table, kind, chart_type)
    shown.summary = _summary(chart_type, title, rows, footer)
    return shown


def as_data(value, shown: Shown | None, error: str) -> dict:
    """One chart as the API gives it: the published table and the measures' definitions."""
    data = {
        "title": value.get("title"),
        "chart_type": value.get("chart_type"),
        "measure": value.get("measure"),
        "breakdown": value.get("breakdown"),
        "period": value.get("period") or None,
        "source": value.get("source"),
        "caption": value.get("caption") or "",
    }
    if shown is None:
        return {**data, "error": error, "empty": False, "table": None, "measures": []}
    table = {"headers": shown.headers, "rows": shown.rows, "footer": shown.footer}
    return {
        **data,
        "error": "",
        "empty": shown.empty_message,
        "measures": shown.measures,
        "table": None if shown.empty_message else table,
    }
