"""Checking every row of a partner spreadsheet in memory, then writing the changes in bulk.

django-import-export's ``import_data`` handles one row at a time: a query to find the partner,
queries per vocabulary name, a save, an M2M ``set`` and (here) a revision published with
``save_revision().publish()``, and in a dry run all of that inside a savepoint that is rolled
back. At 3 rows per second that cannot import a city's list. This module keeps the resource's
columns and widgets (``resources.py``) and the per-row rules (case-insensitive slugs, editing
conflicts, duplicates in the file, near-duplicate names) but:

- reads the partners, their lists and contact persons and each vocabulary once per import;
- validates every row in memory with the model fields' own ``clean`` (the preview writes
  nothing at all; values the last import passed are known, ``website.bulk_work``);
- writes what really changed with one ``executemany`` per table and batch (``bulk_write``):
  rows, list rows, revisions, log entries; and adds the changed partners to the search index
  in one call.

What it writes equals what the per-row path wrote (``tests/partners/test_import_bulk.py``
compares both): the same fields, a published revision per changed partner with the same
content, and the same "wagtail.edit" and "wagtail.publish" log entries. Wagtail's ``published``
signal is not sent per partner; its one receiver here, the page cache, is dropped once instead.
The reference index is left alone: the import never changes a partner's only reference (logo).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.base import ModelState
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale, Revision

from modelsearch.backends import get_search_backends_with_name

from website.bulk_work import CLEANED_VALUES

from . import bulk_write
from .models import PartnerOrganisation
from .resources import (
    LIST_COLUMNS,
    LIST_SEPARATOR,
    REQUIRED_FOR_NEW,
    PartnerResource,
    UnknownValuesError,
    name_key,
    row_cleaner,
    row_saver,
)

# Not validated per row: the import never sets them, and checking a foreign key is a query.
UNCHECKED_FIELDS = ["locale", "logo", "locked_by", "latest_revision", "live_revision"]
PUBLISH_ATTNAMES = [
    "live",
    "has_unpublished_changes",
    "expired",
    "first_published_at",
    "last_published_at",
    "latest_revision_id",
    "live_revision_id",
]


@dataclass
class PlannedRow:
    number: int  # 1-based position in the dataset
    line: int
    instance: PartnerOrganisation | None
    action: str  # "new", "update", "skip" or "error"
    original: PartnerOrganisation | None = None  # the stored partner, as read
    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    lists: dict[str, list[models.Model]] = field(default_factory=dict)
    changed_lists: set[str] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)  # columns whose value differs from the stored
    before: dict[str, str] = field(default_factory=dict)  # the stored value of those columns
    suggestions: list[tuple[str, str, list[str]]] = field(default_factory=list)


class PartnerRowChecker:
    """Everything an import compares rows with, read once: the partners of the source language
    (with their lists, contact persons and editing locks) and every known name."""

    def __init__(self, resource: PartnerResource, user, slugs: list[str] | None = None):
        self.resource = resource
        self.user = user
        self.locale = Locale.get_default()
        partners = PartnerOrganisation.objects.filter(locale=self.locale)
        if slugs is not None:
            # Only the partners the file names (any letter case): the rest play no part.
            partners = partners.alias(lower_slug=Lower("slug")).filter(lower_slug__in=slugs)
        partners = (
            partners.select_related("locked_by")
            .prefetch_related("contact_persons", *LIST_COLUMNS)
            .order_by("pk")
        )
        self.by_slug: dict[str, PartnerOrganisation] = {}
        self.exact_slugs: dict[str, int] = {}
        for partner in partners:
            self.by_slug.setdefault(partner.slug.lower(), partner)
            self.exact_slugs[partner.slug] = partner.pk
        self.known_names = {
            name_key(known_name): (known_name, known_slug)
            for known_name, known_slug in PartnerOrganisation.objects.values_list("name", "slug")
        }
        self.seen_slugs: dict[str, int] = {}
        self._validated: dict[frozenset, list[tuple[models.Field, Callable]]] = {}
        concrete = PartnerOrganisation._meta.concrete_fields
        self._attnames = [f.attname for f in concrete]
        template = PartnerOrganisation(locale_id=self.locale.pk)
        self._blank = {name: template.__dict__[name] for name in self._attnames}
        self._fresh_defaults = [
            (f.attname, f) for f in concrete if f.has_default() and callable(f.default)
        ]
        self.data_fields = [
            name
            for name, import_field in resource.fields.items()
            if name not in LIST_COLUMNS and import_field.attribute
        ]
        self._save = {name: row_saver(resource.fields[name]) for name in self.data_fields}
        self._cleaners = {
            name: row_cleaner(resource.fields[name]) for name in ("slug", *LIST_COLUMNS)
        }

    def check(self, number: int, line: int, row: dict) -> PlannedRow:
        fields = self.resource.fields
        slug = self._cleaners["slug"](row)
        original = self.by_slug.get(slug) if slug else None
        instance = self._working_copy(original)
        errors = self._editing_conflicts(original) if original else {}
        for name in self.data_fields:
            if name not in row:
                continue
            try:
                self._save[name](instance, row)
            except ValueError as error:
                errors[fields[name].attribute] = [str(error)]
        planned = PlannedRow(
            number, line, instance, "new" if original is None else "update", original=original
        )
        for column in LIST_COLUMNS:
            if column in row:
                try:
                    planned.lists[column] = self._cleaners[column](row)
                except UnknownValuesError as error:
                    errors[column] = [str(error)]
                    planned.suggestions.extend(
                        (column, value, names) for value, names in error.unknown
                    )
        if original is None:
            for name in REQUIRED_FOR_NEW:
                if name not in row and name not in errors:
                    errors[name] = [
                        _("The column “%(column)s” is needed to create a partner.")
                        % {"column": fields[name].column_name}
                    ]
            self._flag_near_duplicate(planned, str(row.get("name") or ""), slug)
        if slug and slug in self.seen_slugs:
            errors.setdefault("slug", []).append(
                _("The slug “%(slug)s” already appears in row %(row)s of this file.")
                % {"slug": slug, "row": self.seen_slugs[slug]}
            )
        elif slug:
            self.seen_slugs[slug] = line
        errors = self._clean(instance, original, errors, row)
        if errors:
            planned.action, planned.errors = "error", errors
            return planned
        if original is not None:
            for name in self.data_fields:
                if name in row and getattr(instance, name) != getattr(original, name):
                    planned.changed.add(name)
                    planned.before[name] = str(getattr(original, name))
            for column, values in planned.lists.items():
                before = getattr(original, column).all()
                if {item.pk for item in before} != {item.pk for item in values}:
                    planned.changed_lists.add(column)
                    planned.changed.add(column)
                    planned.before[column] = LIST_SEPARATOR.join(item.name for item in before)
            if not planned.changed:
                planned.action = "skip"
        return planned

    def _editing_conflicts(self, partner: PartnerOrganisation) -> dict[str, list[str]]:
        """An import publishes each row, so it must not run over someone's edit in progress."""
        problems = []
        if partner.locked and partner.locked_by_id != getattr(self.user, "pk", None):
            problems.append(
                _("“%(name)s” is locked for editing by %(user)s; it can be imported once unlocked.")
                % {"name": partner.name, "user": partner.locked_by or _("another user")}
            )
        if partner.has_unpublished_changes:
            problems.append(
                _(
                    "“%(name)s” has unpublished changes in the admin; publish or discard them "
                    "before importing over them."
                )
                % {"name": partner.name}
            )
        return {"__all__": problems} if problems else {}

    def _working_copy(self, original: PartnerOrganisation | None) -> PartnerOrganisation:
        """A partner to set the row's values on; its lists and contact persons stay with the
        planned row and the stored partner (the revision content is built from those).

        Made from the attribute values without ``__init__``: modelcluster's walks every field
        of the model for each instance, a third of checking a row (no ``pre_init``/``post_init``
        receivers exist for partners; ``test_import_bulk`` checks the copy equals a built one)."""
        if original is None:
            values = dict(self._blank)
            for attname, model_field in self._fresh_defaults:
                values[attname] = model_field.get_default()
        else:
            values = {name: original.__dict__[name] for name in self._attnames}
        instance = PartnerOrganisation.__new__(PartnerOrganisation)
        instance._state = ModelState()
        instance._state.adding = original is None
        instance.__dict__.update(values)
        PartnerOrganisation.locale.field.set_cached_value(instance, self.locale)
        return instance

    def _clean(self, instance, original, errors: dict[str, list[str]], row: dict) -> dict:
        """The model's own validation of the fields the file sets (the others keep stored or
        default values): what ``full_clean(exclude=...)`` runs for them (``clean_fields``; the
        model has no ``clean`` and no constraints of its own), with uniqueness checked against
        the partners read above instead of a query per row."""
        field_errors = {}
        for model_field, clean in self._validated_fields(row):
            if model_field.name in errors:
                continue
            raw_value = getattr(instance, model_field.attname)
            if model_field.blank and raw_value in model_field.empty_values:
                continue
            try:
                setattr(instance, model_field.attname, clean(raw_value, instance))
            except ValidationError as error:
                field_errors[model_field.name] = error.error_list
        if field_errors:
            errors = ValidationError(field_errors).update_error_dict(errors)
        owner = self.exact_slugs.get(instance.slug)
        if "slug" not in errors and owner is not None and owner != getattr(original, "pk", None):
            errors["slug"] = [
                instance.unique_error_message(PartnerOrganisation, ("slug", "locale"))
            ]
        return errors

    def _validated_fields(self, row: dict) -> list[tuple[models.Field, Callable]]:
        """The model fields a row of these columns sets, each with its ``clean`` (values the
        last import checked are known: ``CLEANED_VALUES``), worked out once per set of
        columns."""
        key = frozenset(row)
        if key not in self._validated:
            self._validated[key] = [
                (field, CLEANED_VALUES.cleaner(field))
                for field in PartnerOrganisation._meta.fields
                if field.name in key and field.name not in UNCHECKED_FIELDS and not field.generated
            ]
        return self._validated[key]

    def _flag_near_duplicate(self, planned: PlannedRow, name: str, slug: str) -> None:
        """Warn in the preview when a new partner's name looks like a known partner's or an
        earlier row's: a second entry for one organisation is easy to make and hard to spot."""
        key = name_key(name)
        if not key:
            return
        match = self.known_names.get(key)
        if match is not None and match[1] != slug:
            planned.warnings.append(
                _("“%(name)s” looks like the partner “%(known)s” (slug “%(slug)s”).")
                % {"name": name, "known": match[0], "slug": match[1]}
            )
        else:
            self.known_names[key] = (name, slug)


def check_rows(rows: list[dict], line_numbers: list[int], user) -> list[PlannedRow]:
    """Every row's outcome (``rows``: the dataset's ``dict``, built once), with nothing
    written."""
    CLEANED_VALUES.start()
    resource = PartnerResource()
    slugs = {resource.fields["slug"].clean(row) for row in rows}
    checker = PartnerRowChecker(resource, user, sorted(slug for slug in slugs if slug))
    return [
        checker.check(number, line, row)
        for number, (line, row) in enumerate(zip(line_numbers, rows, strict=True), 1)
    ]


@transaction.atomic
def write_rows(
    planned: list[PlannedRow], user, columns: list[str], *, publish: bool = True
) -> None:
    """Write the new and changed partners, their lists, revisions and log entries in bulk
    (``columns`` are the file's: only those fields of a known partner are written).

    As drafts (``publish=False``) each change is a revision waiting in the admin, as Wagtail's
    "Save draft" leaves it: a new partner is stored unpublished, a live partner keeps its
    published fields and lists and shows "unpublished changes" until someone publishes."""
    new = [row for row in planned if row.action == "new"]
    updated = [row for row in planned if row.action == "update"]
    if not new and not updated:
        return
    now = timezone.now()
    changed = new + updated
    for row, pk in zip(new, bulk_write.reserve_ids(PartnerOrganisation, len(new)), strict=True):
        row.instance.pk = pk
    revision_ids = bulk_write.reserve_ids(Revision, len(changed))
    content = bulk_write.RevisionContent()
    revisions = []
    for row, revision_id in zip(changed, revision_ids, strict=True):
        instance = row.instance
        revisions.append(
            (revision_id, instance.pk, content(instance, *_relations(row)), str(instance))
        )
        _mark(instance, revision_id, now, publish=publish)
    bulk_write.insert_revisions(revisions, user, now)
    attnames = [field.attname for field in PartnerOrganisation._meta.concrete_fields]
    bulk_write.Table(PartnerOrganisation, attnames).insert(
        bulk_write.row_of(row.instance, attnames) for row in new
    )
    # A live partner's draft leaves its stored fields and lists as published.
    stored = [row for row in updated if publish or not row.instance.live]
    waiting = [row for row in updated if not (publish or not row.instance.live)]
    data_fields = [
        PartnerOrganisation._meta.get_field(name).attname
        for name in columns
        if name not in LIST_COLUMNS
    ]
    written = [*PUBLISH_ATTNAMES, *(name for name in data_fields if name not in PUBLISH_ATTNAMES)]
    bulk_write.Table(PartnerOrganisation, written).update(
        [*bulk_write.row_of(row.instance, written), row.instance.pk] for row in stored
    )
    bulk_write.Table(PartnerOrganisation, ["latest_revision_id", "has_unpublished_changes"]).update(
        [row.instance.latest_revision_id, row.instance.has_unpublished_changes, row.instance.pk]
        for row in waiting
    )
    _write_lists(new, stored)
    bulk_write.insert_log_entries(
        [
            (row.instance.pk, str(row.instance), revision_id)
            for row, revision_id in zip(changed, revision_ids, strict=True)
        ],
        user,
        now,
        publish=publish,
    )
    if publish:
        for _name, backend in get_search_backends_with_name(with_auto_update=True):
            backend.add_bulk(PartnerOrganisation, [row.instance for row in changed])
        transaction.on_commit(bulk_write.drop_page_cache)


def _relations(row: PlannedRow) -> tuple[dict, dict]:
    """The partner's contact persons and lists after the row: the file's lists, the stored
    ones for list columns the file does not have."""
    original = row.original
    if original is None:
        return {}, row.lists
    lists = {column: getattr(original, column).all() for column in LIST_COLUMNS}
    return {"contact_persons": original.contact_persons.all()}, {**lists, **row.lists}


def _mark(instance: PartnerOrganisation, revision_id: int, now, *, publish: bool) -> None:
    """The state ``revision.publish()`` leaves a partner in when the revision is its latest,
    or ``save_revision()`` alone: a new partner unpublished, a live one still live with its
    changes waiting."""
    instance.latest_revision_id = revision_id
    if publish:
        instance.live_revision_id = revision_id
        instance.live = True
        instance.has_unpublished_changes = False
        instance.expired = False
        instance.last_published_at = now
        if instance.first_published_at is None:
            instance.first_published_at = now
    else:
        instance.has_unpublished_changes = True
        if instance._state.adding:
            instance.live = False
            instance.live_revision_id = None


def _write_lists(new: list[PlannedRow], updated: list[PlannedRow]) -> None:
    replaced, links = {}, {}
    for column in LIST_COLUMNS:
        replaced[column] = [row.instance.pk for row in updated if column in row.changed_lists]
        links[column] = [
            (row.instance.pk, item.pk)
            for row in new + updated
            if column in row.lists and (row.action == "new" or column in row.changed_lists)
            for item in row.lists[column]
        ]
    bulk_write.replace_lists(replaced, links)
