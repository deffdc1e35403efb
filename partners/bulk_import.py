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

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import get_active_log_context
from wagtail.models import Locale, ModelLogEntry, Revision

from modelsearch.backends import get_search_backends_with_name

from .models import PartnerOrganisation
from .resources import LIST_COLUMNS, PartnerResource, name_key

BATCH_SIZE = 500
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
                except ValueError as error:
                    errors[column] = [str(error)]
        if original is None:
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
            changed = any(
                getattr(instance, name) != getattr(original, name) for name in self.data_fields
            )
            for column, values in planned.lists.items():
                before = {item.pk for item in getattr(original, column).all()}
                if before != {item.pk for item in values}:
                    planned.changed_lists.add(column)
            if not changed and not planned.changed_lists:
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
def write_rows(planned: list[PlannedRow], user, columns: list[str]) -> None:
    """Write the new and changed partners, their lists, revisions and log entries in bulk
    (``columns`` are the file's: only those fields of a known partner are written)."""
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
        contents[id(row)] = _content(row.instance, first_published_at=None, last_published_at=None)
        _mark_published(row.instance, None, now)
    PartnerOrganisation.objects.bulk_create([row.instance for row in new], batch_size=BATCH_SIZE)
    changed = new + updated
    _write_lists(new, updated)
    for row in new:
        contents[id(row)]["pk"] = row.instance.pk
    for row in updated:
        contents[id(row)] = _content(row.instance)
    revisions = _create_revisions(changed, contents, user, now)
    for row, revision in zip(changed, revisions, strict=True):
        _mark_published(row.instance, revision, now)
    _point_at_revisions([row.instance.pk for row in new])
    if updated:
        data_fields = [name for name in columns if name not in LIST_COLUMNS]
        PartnerOrganisation.objects.bulk_update(
            [row.instance for row in updated],
            [*PUBLISH_FIELDS, *data_fields],
            batch_size=BATCH_SIZE,
        )
    _log(changed, revisions, user, now)
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add_bulk(PartnerOrganisation, [row.instance for row in changed])
    transaction.on_commit(_drop_page_cache)


def _content(instance: PartnerOrganisation, **overrides) -> dict:
    """``instance.serializable_data()`` with some attributes as they were at an earlier moment."""
    saved = {name: getattr(instance, name) for name in overrides}
    for name, value in overrides.items():
        setattr(instance, name, value)
    try:
        return instance.serializable_data()
    finally:
        for name, value in saved.items():
            setattr(instance, name, value)


def _point_at_revisions(pks: list[int]) -> None:
    """Set new partners' latest and live revision to the one just made for each, in one UPDATE
    per batch (``bulk_update`` builds a CASE per row and field, slower than the import)."""
    latest = Subquery(
        Revision.objects.filter(
            base_content_type=PartnerOrganisation.get_base_content_type(),
            object_id=Cast(OuterRef("pk"), models.CharField()),
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    for start in range(0, len(pks), BATCH_SIZE):
        PartnerOrganisation.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).update(
            latest_revision=latest, live_revision=latest
        )


def _write_lists(new: list[PlannedRow], updated: list[PlannedRow]) -> None:
    for column in LIST_COLUMNS:
        through = getattr(PartnerOrganisation, column).through
        target = PartnerOrganisation._meta.get_field(column).m2m_reverse_field_name()
        replaced = [row.instance.pk for row in updated if column in row.changed_lists]
        for start in range(0, len(replaced), BATCH_SIZE):
            through.objects.filter(
                partnerorganisation_id__in=replaced[start : start + BATCH_SIZE]
            ).delete()
        links = []
        for row in new + updated:
            if column not in row.lists:
                continue
            if row.action == "new" or column in row.changed_lists:
                links.extend(
                    through(partnerorganisation_id=row.instance.pk, **{f"{target}_id": item.pk})
                    for item in row.lists[column]
                )
        through.objects.bulk_create(links, batch_size=BATCH_SIZE)


def _create_revisions(changed: list[PlannedRow], contents: dict, user, now) -> list[Revision]:
    """One revision per changed partner, holding what ``save_revision`` would have stored."""
    content_type = ContentType.objects.get_for_model(PartnerOrganisation)
    base_type = PartnerOrganisation.get_base_content_type()
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_type,
            object_id=str(row.instance.pk),
            user=user,
            created_at=now,
            content=contents[id(row)],
            object_str=str(row.instance),
        )
        for row in changed
    ]
    return Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)


def _mark_published(instance: PartnerOrganisation, revision: Revision | None, now) -> None:
    """The state ``revision.publish()`` leaves a partner in when the revision is its latest."""
    instance.latest_revision = revision
    instance.live_revision = revision
    instance.live = True
    instance.has_unpublished_changes = False
    instance.expired = False
    instance.last_published_at = now
    if instance.first_published_at is None:
        instance.first_published_at = now


def _log(changed: list[PlannedRow], revisions: list[Revision], user, now) -> None:
    """The "edit" and "publish" entries ``save_revision(log_action=True)`` and ``publish()``
    write, so each partner's history shows the import as before."""
    content_type = ContentType.objects.get_for_model(PartnerOrganisation, for_concrete_model=False)
    context = get_active_log_context()
    user = user or context.user
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(row.instance.pk),
            label=str(row.instance),
            action=action,
            user=user,
            uuid=context.uuid,
            timestamp=now,
            data={},
            content_changed=True,
            revision=revision,
        )
        for row, revision in zip(changed, revisions, strict=True)
        for action in ("wagtail.edit", "wagtail.publish")
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)


def _drop_page_cache() -> None:
    from website.page_cache import invalidate

    invalidate()
