"""The spreadsheet columns of the partner directory, shared by import and export.

Lists (services, target groups, languages, cities) are written as names or slugs separated by
``|`` (``;`` is accepted too when the file quotes it); names may be in any language.

A spreadsheet holds the source language's partners (their structure and texts); translations
are made with wagtail-localize (its editor, or PO files for translators) and follow the source.
A cell that export escaped against formula injection (a leading ``'`` before ``= + - @``)
imports as the text without the quote, so an export re-imports unchanged.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.db.models.fields import NOT_PROVIDED
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from wagtail.models import Locale

from import_export import fields, resources, widgets

from forms_app.export import FORMULA_PREFIXES, escape_cell
from website.spreadsheets import Column, suggest

from .models import City, Language, PartnerOrganisation, Service, TargetGroup
from .models.partners import PartnerKind

LIST_SEPARATOR = " | "

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
REQUIRED_COLUMNS = ["name"]
# Required in every row that creates a partner (and never left empty where the column is given).
REQUIRED_FOR_NEW = ["name", "kind"]
# Further headers offices write for a column, besides its label in the admin.
HEADER_ALIASES = {
    "services": (pgettext_lazy("spreadsheet header", "services provided"),),
    "languages": (pgettext_lazy("spreadsheet header", "languages"),),
    "website": (pgettext_lazy("spreadsheet header", "internet"),),
}


def spreadsheet_columns() -> list[Column]:
    """Every column with the names a header may give it: technical, the admin's label (German
    or English), and for a list the list's own name ("Städte", "cities")."""
    columns = []
    for name in COLUMNS:
        model_field = PartnerOrganisation._meta.get_field(name)
        labels = [model_field.verbose_name]
        if name in LIST_COLUMNS:
            labels.append(LIST_COLUMNS[name]._meta.verbose_name_plural)
        labels.extend(HEADER_ALIASES.get(name, ()))
        columns.append(Column(name, tuple(labels), required=name in REQUIRED_COLUMNS))
    return columns


def column_headings(language: str | None = None) -> dict[str, str]:
    """Each column's heading as the admin shows it, for templates and the preview."""
    return {column.name: column.heading(language) for column in spreadsheet_columns()}


class UnknownValuesError(ValueError):
    """Values of a list column that name no entry, each with the entries it may have meant."""

    def __init__(self, message: str, unknown: list[tuple[str, list[str]]]):
        super().__init__(message)
        self.unknown = unknown


def did_you_mean(suggestions: list[str]) -> str:
    if not suggestions:
        return ""
    return " " + _("Did you mean %(names)s?") % {
        "names": _(" or ").join(f"“{name}”" for name in suggestions)
    }


def unescape_formula(value: str) -> str:
    """Undo :func:`forms_app.export.escape_cell` (the one rule for formula escaping)."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_PREFIXES:
        return value[1:]
    return value


def escape_formula(value):
    """Text escaped as every export escapes it (``escape_cell``); other values as they are."""
    return escape_cell(value) if isinstance(value, str) else value


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

    REQUIRED = gettext_lazy("A kind is required: one of %(choices)s.")

    @staticmethod
    def names(choice) -> set[str]:
        names = {choice.value, choice.name.lower()}
        for code, _language in settings.LANGUAGES:
            with translation.override(code):
                names.add(str(choice.label).casefold())
        return names

    @staticmethod
    def choices_text() -> str:
        return ", ".join(f"{choice.label} ({choice.value})" for choice in PartnerKind)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._codes: dict[str, str] | None = None

    def codes(self) -> dict[str, str]:
        """Every accepted name of a kind with its code, worked out once per widget (translating
        the labels for each row was most of an import's time)."""
        if self._codes is None:
            self._codes = {}
            for choice in PartnerKind:
                for name in self.names(choice):
                    self._codes.setdefault(name, choice.value)
        return self._codes

    def clean(self, value, row=None, **kwargs) -> str:
        text = str(value or "").strip()
        if not text:
            raise ValueError(self.REQUIRED % {"choices": self.choices_text()})
        code = self.codes().get(text.casefold())
        if code is not None:
            return code
        suggestions = suggest(text, [str(choice.label) for choice in PartnerKind])
        raise ValueError(
            _("Unknown kind “%(value)s”. Use one of: %(choices)s.")
            % {"value": text, "choices": self.choices_text()}
            + did_you_mean(suggestions)
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
        self._found: dict[str, list[models.Model]] = {}  # a cell's entries, by its text

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
            for row in rows:  # synonyms last: a name always wins over another entry's synonym
                match = source.get(row.translation_key)
                for synonym in row.synonym_list() if match is not None else ():
                    self._entries.setdefault(synonym.casefold(), match)
            self._names = sorted({row.name for row in rows})
        return self._entries

    def entry(self, name: str) -> models.Model | None:
        """The source-language entry a name, slug or synonym stands for."""
        return self.entries().get(name.strip().casefold())

    def suggestions(self, value: str) -> list[str]:
        """The entries ``value`` may mean, by their source-language names (a match in any
        language counts)."""
        names = []
        for name in suggest(value, self._names, limit=6):
            entry = self.entries().get(name.casefold())
            source_name = entry.name if entry is not None else name
            if source_name not in names:
                names.append(source_name)
        return names[:3]

    def clean(self, value, row=None, **kwargs) -> list[models.Model]:
        """The cell's entries, each once; a text met before in the import is not split again
        (a few list texts recur over thousands of rows)."""
        text = unescape_formula(str(value or "").strip())
        if text in self._found:
            return list(self._found[text])
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
            suggested = [(name, self.suggestions(name)) for name in unknown]
            message = _("Unknown %(list)s: %(values)s.") % {
                "list": self.model._meta.verbose_name,
                "values": ", ".join(f"“{name}”" for name in unknown),
            }
            if len(suggested) == 1:
                message += did_you_mean(suggested[0][1])
            else:
                for name, suggestions in suggested:
                    if suggestions:
                        message += f" “{name}”:" + did_you_mean(suggestions)
            raise UnknownValuesError(message, suggested)
        self._found[text] = found
        return list(found)

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


def row_cleaner(import_field: fields.Field) -> Callable[[dict], object]:
    """``import_field.clean(row)`` for a row that has its column, without the per-call work of
    django-import-export's generic path (a partner row calls it 17 times: a quarter of checking
    it). The library's own method serves any other kind of field
    (``tests/partners/test_import_bulk.py`` compares both)."""
    if type(import_field) is not fields.Field:
        return import_field.clean
    widget_clean, column = import_field.widget.clean, import_field.column_name
    empty_values, default = import_field.empty_values, import_field.default
    has_default = default != NOT_PROVIDED

    def clean(row: dict):
        value = widget_clean(row[column], row=row)
        if has_default and value in empty_values:
            return default() if callable(default) else default
        return value

    return clean


def row_saver(import_field: fields.Field) -> Callable[[models.Model, dict], None]:
    """``import_field.save(instance, row)`` (not for lists), by ``row_cleaner``."""
    attribute = import_field.attribute
    if type(import_field) is not fields.Field or import_field.readonly or "__" in attribute:
        return lambda instance, row: import_field.save(instance, row, is_m2m=False)
    clean, saves_null = row_cleaner(import_field), import_field.saves_null_values

    def save(instance, row: dict) -> None:
        cleaned = clean(row)
        if cleaned is not None or saves_null:
            setattr(instance, attribute, cleaned)

    return save
