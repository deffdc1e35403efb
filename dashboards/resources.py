"""The spreadsheet columns of historical figures (German headers), for django-import-export.

A row is one published figure; rows are matched by measure, city, period, breakdown and
category, so importing a corrected file again updates the figures instead of doubling them.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from import_export import fields, resources, widgets

from partners.models import City
from partners.resources import unescape_formula

from .models import HistoricalFigure

COLUMNS = {
    "period_start": "Beginn",
    "period_end": "Ende",
    "city": "Stadt",
    "measure": "Kennzahl",
    "breakdown": "Aufschlüsselung",
    "breakdown_value": "Kategorie",
    "value": "Wert",
    "source": "Quelle",
}
REQUIRED = ["Beginn", "Ende", "Stadt", "Kennzahl", "Wert", "Quelle"]


class GermanDateWidget(widgets.Widget):
    """01.10.2008 as well as 2008-10-01."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value or "").strip()
        for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(_("“%(value)s” is not a date (use 01.10.2008).") % {"value": text})

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%d.%m.%Y") if value else ""


class GermanDecimalWidget(widgets.Widget):
    """47,8 as well as 47.8; a comma makes dots thousands separators (1.042,0)."""

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().replace(" ", "")
        if not text:
            raise ValueError(_("The value is missing."))
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        try:
            return Decimal(text)
        except InvalidOperation as error:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from error

    def render(self, value, obj=None, **kwargs):
        return str(value).replace(".", ",") if value is not None else ""


class CityWidget(widgets.ForeignKeyWidget):
    """A city by name (any language) or slug."""

    def __init__(self):
        super().__init__(City, "slug")

    def clean(self, value, row=None, **kwargs):
        name = str(value or "").strip()
        if not name:
            raise ValueError(_("The city is missing."))
        city = City.objects.sources().named(name).first()
        if city is None:
            known = ", ".join(City.objects.sources().values_list("name", flat=True))
            raise ValueError(
                _("Unknown city “%(name)s”. Known cities: %(known)s.")
                % {"name": name, "known": known}
            )
        return city

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class TextWidget(widgets.CharWidget):
    def __init__(self, default=""):
        super().__init__()
        self.default = default

    def clean(self, value, row=None, **kwargs):
        """Text as exported: a ``'`` that kept a formula from running is taken off again."""
        return unescape_formula(str(value).strip()) if value not in (None, "") else self.default


class HistoricalFigureResource(resources.ModelResource):
    period_start = fields.Field("period_start", COLUMNS["period_start"], GermanDateWidget())
    period_end = fields.Field("period_end", COLUMNS["period_end"], GermanDateWidget())
    city = fields.Field("city", COLUMNS["city"], CityWidget())
    measure = fields.Field("measure", COLUMNS["measure"], TextWidget())
    breakdown = fields.Field("breakdown", COLUMNS["breakdown"], TextWidget(default="none"))
    breakdown_value = fields.Field("breakdown_value", COLUMNS["breakdown_value"], TextWidget())
    value = fields.Field("value", COLUMNS["value"], GermanDecimalWidget())
    source = fields.Field("source", COLUMNS["source"], TextWidget())

    class Meta:
        model = HistoricalFigure
        fields = list(COLUMNS)
        import_id_fields = [
            "measure",
            "city",
            "period_start",
            "period_end",
            "breakdown",
            "breakdown_value",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
