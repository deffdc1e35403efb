"""The spreadsheet columns of the partner directory, shared by import and export.

Lists (services, target groups, languages, cities) are written as names or slugs separated by
``|`` (``;`` is accepted too when the file quotes it); names may be in any language.

A spreadsheet holds the source language's partners (their structure and texts); translations
are made with wagtail-localize (its editor, or PO files for translators) and follow the source.
A cell that export escaped against formula injection (a leading ``'`` before ``= + - @``)
imports as the text without the quote, so an export re-imports unchanged.
"""

from django.db import models
from django.utils.translation import gettext as _

from wagtail.models import Locale

from import_export import fields, resources, widgets

from .models import City, Language, PartnerOrganisation, Service, TargetGroup
from .models.partners import PartnerKind

LIST_SEPARATOR = " | "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TEXT_COLUMNS = [
    "name",
    "short_name",
    "description",
    "network_role",
    "street_address",
    "postal_code",
    "town",
    "phone",
    "email",
    "website",
    "opening_hours",
]
LIST_COLUMNS = {
    "services": Service,
    "target_groups": TargetGroup,
    "languages": Language,
    "cities": City,
}
COLUMNS = ["slug", "name", "short_name", "kind", "active", *TEXT_COLUMNS[2:], *LIST_COLUMNS]
REQUIRED_COLUMNS = ["slug", "name"]


def unescape_formula(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def escape_formula(value):
    """Prefix text a spreadsheet would run as a formula with ``'`` so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs) -> str:
        if value is None:
            return ""
        return unescape_formula(str(value).strip())


class SlugWidget(TextWidget):
    """Slugs are compared without letter case: ``GESA-GGMBH`` is the partner ``gesa-ggmbh``."""

    def clean(self, value, row=None, **kwargs) -> str:
        return super().clean(value, row, **kwargs).lower()


def name_key(name: str) -> str:
    """A partner name as compared for near-duplicates: letters and digits only, case folded."""
    return "".join(character for character in name.casefold() if character.isalnum())


class KindWidget(widgets.Widget):
    """Accepts the stored code or the German or English label of a kind."""

    def clean(self, value, row=None, **kwargs) -> str:
        text = str(value or "").strip()
        if not text:
            return PartnerKind.OTHER
        for choice in PartnerKind:
            if text.lower() in {choice.value, str(choice.label).lower(), choice.name.lower()}:
                return choice.value
        raise ValueError(
            _("Unknown kind “%(value)s”. Use one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(PartnerKind.values)}
        )

    def render(self, value, obj=None, **kwargs) -> str:
        return value or ""


class ActiveWidget(widgets.Widget):
    TRUE = {"1", "true", "yes", "ja", "x", "wahr", "aktiv", "active"}
    FALSE = {"0", "false", "no", "nein", "falsch", "inaktiv", "inactive"}

    def clean(self, value, row=None, **kwargs) -> bool:
        text = str(value if value is not None else "").strip().lower()
        if not text or text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("“%(value)s” is not yes or no.") % {"value": value})

    def render(self, value, obj=None, **kwargs) -> str:
        return "yes" if value else "no"


class VocabularyListWidget(widgets.ManyToManyWidget):
    """Names or slugs separated by ``|`` or ``;``; every unknown value is an error naming it.

    The vocabulary is read once per widget (one query), so an import of many rows does not ask
    the database for every name; as ``named()``, a slug or a name in any language finds the
    source-language entry of its translation group, without letter case.
    """

    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        self._entries: dict[str, models.Model] | None = None

    def entries(self) -> dict[str, models.Model]:
        if self._entries is None:
            rows = list(self.model.objects.all())
            default_locale_id = Locale.get_default().pk
            source = {
                row.translation_key: row for row in rows if row.locale_id == default_locale_id
            }
            self._entries = {}
            for row in rows:
                match = source.get(row.translation_key)
                if match is not None:
                    self._entries.setdefault(row.slug.casefold(), match)
                    self._entries.setdefault(row.name.casefold(), match)
        return self._entries

    def clean(self, value, row=None, **kwargs) -> list[models.Model]:
        text = unescape_formula(str(value or "").strip())
        names = [part.strip() for part in text.replace(";", "|").split("|") if part.strip()]
        entries = self.entries()
        found, unknown = [], []
        for name in names:
            match = entries.get(name.casefold())
            if match is None:
                unknown.append(name)
            elif match not in found:
                found.append(match)
        if unknown:
            raise ValueError(
                _("Unknown %(list)s: %(values)s.")
                % {
                    "list": self.model._meta.verbose_name,
                    "values": ", ".join(f"“{name}”" for name in unknown),
                }
            )
        return found

    def render(self, value, obj=None, **kwargs) -> str:
        return LIST_SEPARATOR.join(item.name for item in value.all()) if value else ""


class PartnerResource(resources.ModelResource):
    """The columns of a partner spreadsheet, keyed by ``slug``; ``partners.bulk_import`` reads
    rows with these fields, the partner listing's export writes them."""

    slug = fields.Field("slug", "slug", widget=SlugWidget())
    kind = fields.Field("kind", "kind", widget=KindWidget())
    active = fields.Field("active", "active", widget=ActiveWidget())

    class Meta:
        model = PartnerOrganisation
        fields = COLUMNS
        import_order = COLUMNS
        export_order = COLUMNS
        import_id_fields = ["slug"]

    def __init__(self):
        super().__init__()
        for column in TEXT_COLUMNS:
            self.fields[column] = fields.Field(column, column, widget=TextWidget())
        for column, model in LIST_COLUMNS.items():
            self.fields[column] = fields.Field(
                column, column, widget=VocabularyListWidget(model, field="slug")
            )
