"""The columns of a participants and placements spreadsheet, and the check of each row.

One row is one person (a new case, with a placement if its placement columns are filled) or,
with a case number, a placement of a case the importing case manager manages. Everything a row
is compared with is read once per import (the manager's city, the vocabularies, the cases named
by number, the city's cases with the file's surnames), so a preview of many rows asks the
database the same few questions as a preview of one.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from forms_app.export import FORMULA_PREFIXES
from partners.models import City, Language
from partners.resources import ActiveWidget, UnknownValuesError, VocabularyListWidget, did_you_mean
from website.spreadsheets import Column, choice_lookup, normalise, parse_date, suggest

from .models import Case, CaseStatus, Gender, Placement, PlacementKind, ResidenceStatus

COLUMNS = [
    Column("case_number", (gettext_lazy("case number"),)),
    Column("first_name", (gettext_lazy("first name"),)),
    Column("last_name", (gettext_lazy("last name"),)),
    Column("date_of_birth", (gettext_lazy("date of birth"),)),
    Column("gender", (gettext_lazy("gender"),)),
    Column("nationality", (gettext_lazy("nationality"),)),
    Column("languages", (gettext_lazy("languages"),)),
    Column("residence_status", (gettext_lazy("residence status"),)),
    Column("city", (gettext_lazy("city"),)),
    Column(
        "date_of_entry",
        (
            gettext_lazy("date of entry into the programme"),
            pgettext_lazy("spreadsheet header", "date of entry"),
        ),
    ),
    Column("placement", (pgettext_lazy("spreadsheet header", "placement"),)),
    Column("placement_start", (pgettext_lazy("spreadsheet header", "placement start"),)),
    Column("sector", (gettext_lazy("sector"),)),
    Column("hours_per_week", (gettext_lazy("hours per week"),)),
    Column("first_labour_market", (gettext_lazy("first labour market"),)),
]
PERSON = ["first_name", "last_name", "date_of_birth", "gender", "nationality", "languages"]
PERSON += ["residence_status", "city", "date_of_entry"]
PLACEMENT = ["placement", "placement_start", "sector", "hours_per_week", "first_labour_market"]
TEXTS = {"first_name": 100, "last_name": 100, "nationality": 100, "sector": 150}
# What exports escape (forms_app.export), less the hyphen: a name or sector may start with a dash.
FORMULA_STARTS = tuple(prefix for prefix in FORMULA_PREFIXES if prefix != "-")


def column_headings(language: str | None = None) -> dict[str, str]:
    return {column.name: column.heading(language) for column in COLUMNS}


@dataclass
class PlannedRow:
    line: int
    cells: dict[str, str]
    action: str = "error"  # "new" (a case, perhaps with a placement), "placement" or "error"
    case: Case | None = None
    placement: Placement | None = None
    languages: list = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def error(self, column: str, message: str) -> None:
        self.errors.append((column, message))


class RowChecker:
    def __init__(self, user, city: City, rows: list[dict[str, str]]):
        self.user, self.city = user, city
        self.cities = VocabularyListWidget(City)
        self.language_list = VocabularyListWidget(Language)
        self.yes_no = ActiveWidget()
        numbers = {row["case_number"].upper() for row in rows if row.get("case_number")}
        self.cases = {
            case.number.upper(): case
            for case in Case.objects.managed_by(user).filter(number__in=numbers)
        }
        surnames = {row["last_name"] for row in rows if row.get("last_name")}
        self.known_people = {
            self.person_key(case.first_name, case.last_name, case.date_of_birth): case.number
            for case in Case.objects.filter(city=city, last_name__in=surnames)
        }
        self.recorded = set(
            Placement.objects.filter(case__in=self.cases.values()).values_list(
                "case__number", "kind", "starts_on"
            )
        )
        self.lookups = {
            choices: choice_lookup(choices) for choices in (Gender, ResidenceStatus, PlacementKind)
        }
        self.seen_people: dict[tuple, int] = {}
        self.seen_placements: dict[tuple, int] = {}

    @staticmethod
    def person_key(first_name, last_name, born) -> tuple:
        return (normalise(first_name), normalise(last_name), born)

    def check(self, line: int, cells: dict[str, str]) -> PlannedRow:
        row = PlannedRow(line, cells)
        for name, limit in TEXTS.items():
            value = cells.get(name, "")
            if value.startswith(FORMULA_STARTS):
                row.error(
                    name, _("“%(value)s” looks like a spreadsheet formula.") % {"value": value}
                )
            elif len(value) > limit:
                row.error(name, _("At most %(limit)d characters.") % {"limit": limit})
        if cells.get("case_number"):
            self._placement_of_known_case(row)
        else:
            self._new_case(row)
        if not row.errors:
            row.action = "new" if row.case.pk is None else "placement"
        return row

    def _placement_of_known_case(self, row: PlannedRow) -> None:
        number = row.cells["case_number"]
        row.case = self.cases.get(number.upper())
        if row.case is None:
            row.error(
                "case_number", _("There is no case %(number)s of yours.") % {"number": number}
            )
            return
        if row.case.city_id != self.city.pk:
            row.error(
                "case_number", _("Case %(number)s belongs to another city.") % {"number": number}
            )
        if row.case.status == CaseStatus.CLOSED:
            row.error("case_number", _("Case %(number)s is closed.") % {"number": number})
        for name in ("first_name", "last_name"):
            given = row.cells.get(name)
            if given and normalise(given) != normalise(getattr(row.case, name)):
                row.error(
                    name,
                    _("Case %(number)s is another person's; leave the name empty or correct it.")
                    % {"number": number},
                )
        if not any(row.cells.get(name) for name in PLACEMENT):
            row.error("placement", _("A row with a case number records a placement: fill it in."))
            return
        self._placement(row)

    def _new_case(self, row: PlannedRow) -> None:
        cells = row.cells
        for name in ("first_name", "last_name", "date_of_entry"):
            if not cells.get(name):
                row.error(name, _("Required for a new case (or give a case number)."))
        case = Case(
            first_name=cells.get("first_name", ""),
            last_name=cells.get("last_name", ""),
            nationality=cells.get("nationality", ""),
            city=self.city,
            case_manager=self.user,
            gender=self._choice(row, "gender", Gender) or Gender.NOT_STATED,
            residence_status=self._choice(row, "residence_status", ResidenceStatus) or "",
            date_of_birth=self._date(row, "date_of_birth"),
            date_of_entry=self._date(row, "date_of_entry"),
        )
        row.case = case
        self._city(row)
        try:
            row.languages = self.language_list.clean(cells.get("languages", ""))
        except UnknownValuesError as error:
            row.error("languages", str(error))
        if cells.get("first_name") and cells.get("last_name"):
            self._flag_duplicate(row)
        if any(cells.get(name) for name in PLACEMENT):
            self._placement(row)
        if not row.errors:
            try:
                case.full_clean(exclude=["number", "city", "case_manager"], validate_unique=False)
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    row.errors.extend((name, message) for message in messages)

    def _city(self, row: PlannedRow) -> None:
        text = row.cells.get("city", "")
        if not text:
            return
        try:
            found = self.cities.clean(text)
        except UnknownValuesError as error:
            row.error("city", str(error))
            return
        if len(found) != 1 or found[0].pk != self.city.pk:
            row.error(
                "city",
                _("You can import only cases of %(city)s, not of “%(other)s”.")
                % {"city": self.city.name, "other": text},
            )

    def _flag_duplicate(self, row: PlannedRow) -> None:
        case = row.case
        key = self.person_key(case.first_name, case.last_name, case.date_of_birth)
        if key in self.known_people:
            row.error(
                "last_name",
                _("This person already has case %(number)s (same name and date of birth).")
                % {"number": self.known_people[key]},
            )
        elif key in self.seen_people:
            row.error(
                "last_name",
                _("The same person as in row %(line)d of this file.")
                % {"line": self.seen_people[key]},
            )
        else:
            self.seen_people[key] = row.line

    def _placement(self, row: PlannedRow) -> None:
        cells = row.cells
        placement = Placement(
            kind=self._choice(row, "placement", PlacementKind) or "",
            starts_on=self._date(row, "placement_start"),
            sector=cells.get("sector", ""),
            recorded_by=self.user,
        )
        for name in ("placement", "placement_start", "sector"):
            if not cells.get(name):
                row.error(name, _("Required for a placement."))
        try:
            placement.first_labour_market = self.yes_no.clean(cells.get("first_labour_market"))
        except ValueError as error:
            row.error("first_labour_market", str(error))
        hours = cells.get("hours_per_week", "").replace(",", ".")
        if hours:
            try:
                placement.hours_per_week = Decimal(hours)
                if not 0 < placement.hours_per_week <= 80:
                    raise InvalidOperation
            except InvalidOperation:
                row.error(
                    "hours_per_week", _("“%(value)s” is no number of hours.") % {"value": hours}
                )
        key = (row.case.number or row.line, placement.kind, placement.starts_on)
        if key in self.recorded:
            row.error("placement", _("This placement of the case is already recorded."))
        elif key in self.seen_placements:
            row.error(
                "placement",
                _("The same placement as in row %(line)d of this file.")
                % {"line": self.seen_placements[key]},
            )
        self.seen_placements.setdefault(key, row.line)
        row.placement = placement

    def _choice(self, row: PlannedRow, name: str, choices) -> str | None:
        text = row.cells.get(name, "")
        if not text:
            return None
        value = self.lookups[choices].get(normalise(text))
        if value is None:
            labels = [str(label) for _value, label in choices.choices]
            row.error(
                name,
                _("Unknown value “%(value)s”. Use one of: %(choices)s.")
                % {"value": text, "choices": ", ".join(labels)}
                + did_you_mean(suggest(text, labels)),
            )
        return value

    def _date(self, row: PlannedRow, name: str):
        text = row.cells.get(name, "")
        if not text:
            return None
        found = parse_date(text)
        if found is None:
            row.error(
                name,
                _("“%(value)s” is no date; write it as 31.08.2013 or 2013-08-31.")
                % {"value": text},
            )
        return found
