"""Checking every row of a partner spreadsheet in memory, then writing the changes in bulk.

django-import-export's ``import_data`` handles one row at a time: a query to find the partner,
queries per vocabulary name, a save, an M2M ``set`` and (here) a revision published with
``save_revision().publish()``, and in a dry run all of that inside a savepoint that is rolled
back. At 3 rows per second that cannot import a city's list. This module keeps the resource's
columns and widgets (``resources.py``) and the per-row rules (case-insensitive slugs, editing
conflicts, duplicates in the file, near-duplicate names) but:

- reads the partners, their lists and contact persons and each vocabulary once per import;
- validates every row in memory (the preview writes nothing at all);
- writes what really changed with ``bulk_create``/``bulk_update`` (rows, M2M rows, revisions,
  log entries) and adds the changed partners to the search index in one call.

What it writes equals what the per-row path wrote (``tests/partners/test_import_bulk.py``
compares both): the same fields, a published revision per changed partner with the same
content, and the same "wagtail.edit" and "wagtail.publish" log entries. Wagtail's ``published``
signal is not sent per partner; its one receiver here, the page cache, is dropped once instead.
The reference index is left alone: the import never changes a partner's only reference (logo).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale

from modelsearch.backends import get_search_backends_with_name

from . import bulk_write
from .models import PartnerOrganisation
from .resources import (
    LIST_COLUMNS,
    LIST_SEPARATOR,
    REQUIRED_FOR_NEW,
    PartnerResource,
    UnknownValuesError,
    name_key,
)

BATCH_SIZE = bulk_write.BATCH_SIZE
# Not validated per row: the import never sets them, and checking a foreign key is a query.
UNCHECKED_FIELDS = ["locale", "logo", "locked_by", "latest_revision", "live_revision"]
PUBLISH_FIELDS = [
    "live",
    "has_unpublished_changes",
    "expired",
    "first_published_at",
    "last_published_at",
    "latest_revision",
    "live_revision",
]


@dataclass
class PlannedRow:
    number: int  # 1-based position in the dataset
    line: int
    instance: PartnerOrganisation | None
    action: str  # "new", "update", "skip" or "error"
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

    def __init__(self, resource: PartnerResource, user):
        self.resource = resource
        self.user = user
        self.locale = Locale.get_default()
        partners = (
            PartnerOrganisation.objects.filter(locale=self.locale)
            .select_related("locked_by")
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
        self.model_fields = [f.name for f in PartnerOrganisation._meta.fields]
        self.data_fields = [
            name
            for name, import_field in resource.fields.items()
            if name not in LIST_COLUMNS and import_field.attribute
        ]

    def check(self, number: int, line: int, row: dict) -> PlannedRow:
        fields = self.resource.fields
        slug = fields["slug"].clean(row)
        original = self.by_slug.get(slug) if slug else None
        instance = self._working_copy(original)
        errors = self._editing_conflicts(original) if original else {}
        for name in self.data_fields:
            if name not in row:
                continue
            try:
                fields[name].save(instance, row, is_m2m=False)
            except ValueError as error:
                errors[fields[name].attribute] = [str(error)]
        planned = PlannedRow(number, line, instance, "new" if original is None else "update")
        for column in LIST_COLUMNS:
            if column in row:
                try:
                    planned.lists[column] = fields[column].clean(row)
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
                before = list(getattr(original, column).all())
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
        """A partner to set the row's values on, holding its lists and contact persons in memory
        (so its revision content is built without a query)."""
        if original is None:
            instance = PartnerOrganisation(locale=self.locale)
            for column in LIST_COLUMNS:
                setattr(instance, column, [])
            instance.contact_persons = []
            return instance
        instance = PartnerOrganisation(
            **{f.attname: getattr(original, f.attname) for f in PartnerOrganisation._meta.fields}
        )
        instance._state.adding = False
        instance.locale = self.locale
        for column in LIST_COLUMNS:
            setattr(instance, column, list(getattr(original, column).all()))
        instance.contact_persons = list(original.contact_persons.all())
        return instance

    def _clean(self, instance, original, errors: dict[str, list[str]], row: dict) -> dict:
        """The model's own validation (as ``clean_model_instances`` ran it) of the fields the file
        sets (the others keep stored or default values), with uniqueness checked against the
        partners read above instead of a query per row."""
        unset = [name for name in self.model_fields if name not in row]
        try:
            instance.full_clean(exclude=[*UNCHECKED_FIELDS, *unset, *errors], validate_unique=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        owner = self.exact_slugs.get(instance.slug)
        if "slug" not in errors and owner is not None and owner != getattr(original, "pk", None):
            errors["slug"] = [
                instance.unique_error_message(PartnerOrganisation, ("slug", "locale"))
            ]
        return errors

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


def check_rows(dataset, line_numbers: list[int], user) -> list[PlannedRow]:
    """Every row's outcome, with nothing written."""
    checker = PartnerRowChecker(PartnerResource(), user)
    return [
        checker.check(number, line, row)
        for number, (line, row) in enumerate(zip(line_numbers, dataset.dict, strict=True), 1)
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
    for row in new + updated:
        for column, items in row.lists.items():
            setattr(row.instance, column, items)
    # What save_revision() stores is the partner as import-export had saved it, before publish()
    # set these; new partners are inserted already published, so no second write per row.
    contents = {}
    for row in new:
        contents[id(row)] = bulk_write.content(
            row.instance, first_published_at=None, last_published_at=None
        )
        if publish:
            bulk_write.mark_published(row.instance, None, now)
        else:
            bulk_write.mark_draft(row.instance, None)
    PartnerOrganisation.objects.bulk_create([row.instance for row in new], batch_size=BATCH_SIZE)
    changed = new + updated
    # A live partner's draft leaves its stored fields and lists as published.
    stored = {id(row) for row in new + updated if publish or not row.instance.live}
    bulk_write.write_lists(new, [row for row in updated if id(row) in stored])
    for row in new:
        contents[id(row)]["pk"] = row.instance.pk
    for row in updated:
        contents[id(row)] = bulk_write.content(row.instance)
    revisions = bulk_write.create_revisions(changed, contents, user, now)
    for row, revision in zip(changed, revisions, strict=True):
        if publish:
            bulk_write.mark_published(row.instance, revision, now)
        else:
            bulk_write.mark_draft(row.instance, revision)
    bulk_write.point_at_revisions([row.instance.pk for row in new], live=publish)
    if updated:
        data_fields = [name for name in columns if name not in LIST_COLUMNS]
        written = [row.instance for row in updated if id(row) in stored]
        PartnerOrganisation.objects.bulk_update(
            written, [*PUBLISH_FIELDS, *data_fields], batch_size=BATCH_SIZE
        )
        PartnerOrganisation.objects.bulk_update(
            [row.instance for row in updated if id(row) not in stored],
            ["latest_revision", "has_unpublished_changes"],
            batch_size=BATCH_SIZE,
        )
    bulk_write.log(changed, revisions, user, now, publish=publish)
    if publish:
        for _name, backend in get_search_backends_with_name(with_auto_update=True):
            backend.add_bulk(PartnerOrganisation, [row.instance for row in changed])
        transaction.on_commit(bulk_write.drop_page_cache)
