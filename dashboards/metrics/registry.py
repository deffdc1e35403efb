"""The measures and breakdowns, each defined once: what counts, from which date, over what.

The definitions are shown on the site and in the API beside every figure, so every city that
runs the programme counts the same way. A measure names the records it counts (``source``), the
date that puts a record into a period (``date_field``) and, for rates, its denominator.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

COUNT, RATE, MEDIAN = "count", "rate", "median"

# The path from each counted record to its case, and to the partner it concerns.
CASE_PATHS = {
    "case": "",
    "placement": "case__",
    "transfer": "case__",
    "exchange": "transfer__case__",
}
PARTNER_PATHS = {
    "case": "transfers__partner",
    "transfer": "partner",
    "exchange": "transfer__partner",
}

PERSON_BREAKDOWNS = ("none", "gender", "age_group", "city", "residence_status", "period")


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    definition: str
    kind: str  # COUNT, RATE or MEDIAN
    source: str = "case"  # the records counted: "case", "placement", "transfer", "exchange"
    date_field: str = "date_of_entry"
    condition: Q | None = field(default=None, compare=False)
    breakdowns: tuple[str, ...] = (*PERSON_BREAKDOWNS, "partner")
    until_today: bool = False  # only records whose date has come (due exchanges)
    fixed_breakdown: str | None = None  # always broken down by this (transfers by outcome)
    active: bool = False  # counts the cases open at some time in the range, not entries

    @property
    def unit(self) -> str:
        return {RATE: "%", MEDIAN: str(_("months"))}.get(self.kind, "")


@dataclass(frozen=True)
class Breakdown:
    key: str
    label: str


AGE_GROUPS = {
    "under_25": _("under 25"),
    "25_34": _("25–34"),
    "35_49": _("35–49"),
    "50_plus": _("50 and older"),
    "unknown": _("age not recorded"),
}

BREAKDOWNS: dict[str, Breakdown] = {
    item.key: item
    for item in [
        Breakdown("none", _("no breakdown")),
        Breakdown("gender", _("gender")),
        Breakdown("age_group", _("age group at entry")),
        Breakdown("city", _("city")),
        Breakdown("residence_status", _("residence status")),
        Breakdown("partner", _("partner organisation")),
        Breakdown("period", _("period")),
        Breakdown("outcome", _("outcome")),
    ]
}

_ENTRY = _("Counted by the date of entry into the programme.")
_PLACEMENT = _("Counted by the placement's start date; a participant placed twice counts twice.")

MEASURES: dict[str, Measure] = {
    item.key: item
    for item in [
        Measure(
            "participants_entered",
            _("Participants entered"),
            _("People who entered the programme (cases opened). ") + _ENTRY,
            COUNT,
        ),
        Measure(
            "participants_active",
            _("Active participants"),
            _(
                "People taking part at some time in the period: entered on or before its last "
                "day and not closed before its first day. Without a date range: as of today."
            ),
            COUNT,
            active=True,
        ),
        Measure(
            "placements",
            _("Placements"),
            _("Placements into work or vocational training. ") + _PLACEMENT,
            COUNT,
            source="placement",
            date_field="starts_on",
            breakdowns=PERSON_BREAKDOWNS,
        ),
        Measure(
            "placements_work",
            _("Placements into work"),
            _("Placements into work (jobs). ") + _PLACEMENT,
            COUNT,
            source="placement",
            date_field="starts_on",
            condition=Q(kind="work"),
            breakdowns=PERSON_BREAKDOWNS,
        ),
        Measure(
            "placements_training",
            _("Placements into vocational training"),
            _("Placements into vocational training (apprenticeships). ") + _PLACEMENT,
            COUNT,
            source="placement",
            date_field="starts_on",
            condition=Q(kind="vocational_training"),
            breakdowns=PERSON_BREAKDOWNS,
        ),
        Measure(
            "placements_first_labour_market",
            _("Placements on the first labour market"),
            _("Placements into work or training on the first (regular) labour market. ")
            + _PLACEMENT,
            COUNT,
            source="placement",
            date_field="starts_on",
            condition=Q(first_labour_market=True),
            breakdowns=PERSON_BREAKDOWNS,
        ),
        Measure(
            "placement_rate",
            _("Placement rate"),
            _(
                "Share of the participants who entered in the period that have been placed into "
                "work or vocational training (by now). Denominator: participants entered in the "
                "period; numerator: those of them with at least one placement. "
            )
            + _ENTRY,
            RATE,
            breakdowns=PERSON_BREAKDOWNS,
        ),
        Measure(
            "median_months_to_placement",
            _("Median months from entry to placement"),
            _(
                "For the participants who entered in the period and have been placed: the median "
                "number of calendar months from the month of entry to the month of the first "
                "placement. "
            )
            + _ENTRY,
            MEDIAN,
            breakdowns=PERSON_BREAKDOWNS,
        ),
        Measure(
            "transfers",
            _("Transfers to partners"),
            _("Cases handed to a network partner. Counted by the start of the transfer's period."),
            COUNT,
            source="transfer",
            date_field="starts_on",
        ),
        Measure(
            "transfers_by_outcome",
            _("Transfers by outcome"),
            _(
                "Transfers to partners by their state: waiting, accepted, declined, completed. "
                "Counted by the start of the transfer's period."
            ),
            COUNT,
            source="transfer",
            date_field="starts_on",
            breakdowns=("none", "period", "outcome"),
            fixed_breakdown="outcome",
        ),
        Measure(
            "exchanges_held",
            _("Exchanges held"),
            _(
                "Exchanges between the partner's caseworker and the case manager that were held, "
                "of those planned up to today. Counted by the planned date."
            ),
            COUNT,
            source="exchange",
            date_field="planned_for",
            condition=Q(held_on__isnull=False),
            until_today=True,
        ),
        Measure(
            "exchanges_due",
            _("Exchanges due"),
            _(
                "Exchanges between the partner's caseworker and the case manager planned up to "
                "today, held or not. Counted by the planned date."
            ),
            COUNT,
            source="exchange",
            date_field="planned_for",
            until_today=True,
        ),
    ]
}
