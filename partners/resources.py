"""The spreadsheet columns of the partner directory, shared by import and export.

Lists (services, target groups, languages, cities) are written as names or slugs separated by
``|`` (``;`` is accepted too when the file quotes it); names may be in any language.

A spreadsheet holds the source language's partners (their structure and texts); translations
are made with wagtail-localize (its editor, or PO files for translators) and follow the source.
A cell that export escaped against formula injection (a leading ``'`` before ``= + - @``)
imports as the text without the quote, so an export re-imports unchanged.
"""

from django.core.exceptions import ValidationError
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
    """Names or slugs separated by ``|`` or ``;``; every unknown value is an error naming it."""

    def clean(self, value, row=None, **kwargs) -> list[models.Model]:
        text = unescape_formula(str(value or "").strip())
        names = [part.strip() for part in text.replace(";", "|").split("|") if part.strip()]
        found, unknown = [], []
        for name in names:
            match = self.model.objects.named(name).first()
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
    """Rows keyed by ``slug``: a known slug updates that partner, an unknown one creates it."""

    slug = fields.Field("slug", "slug", widget=SlugWidget())
    kind = fields.Field("kind", "kind", widget=KindWidget())
    active = fields.Field("active", "active", widget=ActiveWidget())

    class Meta:
        model = PartnerOrganisation
        fields = COLUMNS
        import_order = COLUMNS
        export_order = COLUMNS
        import_id_fields = ["slug"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, user=None, line_numbers: list[int] | None = None):
        super().__init__()
        self.user = user
        self.line_numbers = line_numbers or []
        self.seen_slugs: dict[str, int] = {}
        self.row_warnings: dict[int, list[str]] = {}
        self._known_names: dict[str, tuple[str, str]] | None = None
        for column in TEXT_COLUMNS:
            self.fields[column] = fields.Field(column, column, widget=TextWidget())
        for column, model in LIST_COLUMNS.items():
            self.fields[column] = fields.Field(
                column, column, widget=VocabularyListWidget(model, field="slug")
            )

    def get_queryset(self):
        """Rows match the source-language partners by slug (translations share the slug)."""
        return PartnerOrganisation.objects.filter(locale=Locale.get_default())

    def import_instance(self, instance, row, **kwargs) -> None:
        """Set the plain fields, then check the lists and the slug, reporting every problem."""
        errors = self.editing_conflicts(instance)
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for column in LIST_COLUMNS:
            if column in row:
                try:
                    self.fields[column].clean(row)
                except ValueError as error:
                    errors[column] = [str(error)]
        slug = self.fields["slug"].clean(row)
        row_number = kwargs.get("row_number") or 0
        number = self.line_for(row_number)
        if instance.pk is None:
            self.flag_near_duplicate(row_number, str(row.get("name") or ""), slug)
        if slug and slug in self.seen_slugs:
            errors.setdefault("slug", []).append(
                _("The slug “%(slug)s” already appears in row %(row)s of this file.")
                % {"slug": slug, "row": self.seen_slugs[slug]}
            )
        elif slug:
            self.seen_slugs[slug] = number
        if errors:
            raise ValidationError(errors)

    def get_instance(self, instance_loader, row):
        """The partner whose slug matches in any letter case (slugs made in the admin may not be
        lower case, and an office's spreadsheet may write them in capitals)."""
        if "slug" not in row:
            return None
        slug = self.fields["slug"].clean(row)
        return self.get_queryset().filter(slug__iexact=slug).order_by("pk").first()

    def flag_near_duplicate(self, row_number: int, name: str, slug: str) -> None:
        """Warn in the preview when a new partner's name looks like a known partner's or an
        earlier row's: a second entry for one organisation is easy to make and hard to spot."""
        if self._known_names is None:
            self._known_names = {
                name_key(known_name): (known_name, known_slug)
                for known_name, known_slug in PartnerOrganisation.objects.values_list(
                    "name", "slug"
                )
            }
        key = name_key(name)
        if not key:
            return
        match = self._known_names.get(key)
        if match is not None and match[1] != slug:
            self.row_warnings.setdefault(row_number, []).append(
                _("“%(name)s” looks like the partner “%(known)s” (slug “%(slug)s”).")
                % {"name": name, "known": match[0], "slug": match[1]}
            )
        else:
            self._known_names[key] = (name, slug)

    def editing_conflicts(self, instance: PartnerOrganisation) -> dict[str, list[str]]:
        """An import publishes each row, so it must not run over someone's edit in progress."""
        if instance.pk is None:
            return {}
        problems = []
        if instance.locked and instance.locked_by_id != getattr(self.user, "pk", None):
            problems.append(
                _("“%(name)s” is locked for editing by %(user)s; it can be imported once unlocked.")
                % {"name": instance.name, "user": instance.locked_by or _("another user")}
            )
        if instance.has_unpublished_changes:
            problems.append(
                _(
                    "“%(name)s” has unpublished changes in the admin; publish or discard them "
                    "before importing over them."
                )
                % {"name": instance.name}
            )
        return {"__all__": problems} if problems else {}

    def line_for(self, row_number: int) -> int:
        """The spreadsheet line of the dataset's ``row_number`` (1-based; the header is line 1)."""
        if 0 < row_number <= len(self.line_numbers):
            return self.line_numbers[row_number - 1]
        return row_number + 1

    def save_m2m(self, instance, row, **kwargs) -> None:
        """Record the import as a published revision, so the admin's history shows it."""
        super().save_m2m(instance, row, **kwargs)
        revision = instance.save_revision(user=self.user, log_action=True)
        revision.publish(user=self.user)
