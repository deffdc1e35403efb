"""The partner spreadsheet to start from: headings as the admin shows them, one example row and
a sheet with every value the lists accept (in the administrator's language)."""

from django.utils.translation import gettext as _

from website.spreadsheets import template_workbook

from .models.partners import PartnerKind
from .resources import LIST_COLUMNS, LIST_SEPARATOR, column_headings


def allowed_values() -> dict[str, list[str]]:
    """The names each list column accepts, as the list's editors wrote them (source language),
    and the kinds in the active language."""
    headings = column_headings()
    values = {headings["kind"]: [str(choice.label) for choice in PartnerKind]}
    for column, model in LIST_COLUMNS.items():
        values[headings[column]] = list(
            model.objects.filter(locale__in=_source_locale()).values_list("name", flat=True)
        )
    values[headings["active"]] = [_("yes"), _("no")]
    return values


def _source_locale():
    from wagtail.models import Locale

    return [Locale.get_default()]


def sample_row(values: dict[str, list[str]]) -> dict[str, str]:
    headings = column_headings()

    def first(column: str, count: int = 1) -> str:
        return LIST_SEPARATOR.join(values.get(headings[column], [])[:count])

    return {
        "slug": "beispiel-traeger",
        "name": _("Example organisation (please replace)"),
        "short_name": _("Example"),
        "kind": first("kind"),
        "active": _("yes"),
        "description": _("What the organisation offers, in two or three sentences."),
        "network_role": _("Counselling and placement"),
        "street_address": "Musterstraße 1",
        "postal_code": "42103",
        "town": "Wuppertal",
        "phone": "0202 555-0100",
        "email": "kontakt@example.org",
        "website": "https://www.example.org",
        "opening_hours": _("Mon–Fri 9:00–16:00"),
        "services": first("services", 2),
        "target_groups": first("target_groups"),
        "languages": first("languages", 2),
        "cities": first("cities"),
    }


def template_file() -> bytes:
    headings = column_headings()
    values = allowed_values()
    sample = sample_row(values)
    return template_workbook(
        list(headings.values()),
        [sample[column] for column in headings],
        values,
        data_title=_("Partners"),
        values_title=_("Allowed values"),
        notes=[
            _("Several values in one cell are separated by “|”."),
            _("Headings may be German, English or the technical names (e.g. short_name)."),
            _("Without a slug, the name's slug is used to find a partner again."),
        ],
    )
