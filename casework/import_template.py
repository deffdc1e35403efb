"""The participants and placements spreadsheet to start from: the headings in the case
manager's language, one example row and a sheet of the allowed values."""

from django.utils.translation import gettext as _

from partners.models import City, Language
from website.spreadsheets import template_workbook

from .import_rows import COLUMNS, column_headings
from .models import Gender, PlacementKind, ResidenceStatus
from .models.cases import managed_city_of


def allowed_values(user) -> dict[str, list[str]]:
    headings = column_headings()
    city = City.objects.sources().filter(pk=managed_city_of(user)).first()
    return {
        headings["gender"]: [str(label) for _value, label in Gender.choices],
        headings["residence_status"]: [str(label) for _value, label in ResidenceStatus.choices],
        headings["languages"]: list(Language.objects.sources().values_list("name", flat=True)),
        headings["city"]: [city.name] if city else [],
        headings["placement"]: [str(label) for _value, label in PlacementKind.choices],
        headings["first_labour_market"]: [_("yes"), _("no")],
    }


def template_file(user) -> bytes:
    values = allowed_values(user)
    headings = column_headings()
    sample = {
        "first_name": "Amal",
        "last_name": _("Example (please replace)"),
        "date_of_birth": "17.05.1990",
        "gender": values[headings["gender"]][0],
        "nationality": _("Syrian"),
        "languages": " | ".join(values[headings["languages"]][:2]),
        "residence_status": values[headings["residence_status"]][1],
        "city": next(iter(values[headings["city"]]), ""),
        "date_of_entry": "01.03.2026",
        "placement": values[headings["placement"]][0],
        "placement_start": "01.09.2026",
        "sector": _("Logistics"),
        "hours_per_week": "30",
        "first_labour_market": _("yes"),
    }
    return template_workbook(
        list(headings.values()),
        [sample.get(column.name, "") for column in COLUMNS],
        values,
        data_title=_("Cases"),
        values_title=_("Allowed values"),
        notes=[
            _("One row per person opens a new case; the placement columns may stay empty."),
            _("A row with a case number records a placement of that case."),
            _("Dates as 31.08.2013 or 2013-08-31; several languages separated by “|”."),
            _("Headings may be German, English or the technical names (e.g. first_name)."),
        ],
    )
