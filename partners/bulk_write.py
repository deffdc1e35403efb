"""The bulk writes of a partner import (``bulk_import.write_rows``): the rows, revisions, list
rows and log entries Wagtail's per-object ``save_revision()``/``publish()`` would have written.

``bulk_create`` builds and prepares a model instance per row and splits inserts at SQLite's
999 parameters; at 10,000 partners that is most of an import. Here each table gets one
``executemany`` per batch through Django's connection (``%s`` placeholders, names quoted by
``connection.ops``), with ids reserved up front so revisions, partners and log entries point
at each other without a second pass. Only the values the database cannot take as Python gives
them (UUIDs, times, JSON) are adapted, each by its model field. No signals are sent.
"""

from collections.abc import Iterable, Sequence
from operator import attrgetter

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import Max
from django.utils.encoding import is_protected_type

from wagtail.log_actions import get_active_log_context
from wagtail.models import ModelLogEntry, Revision

from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_field_value,
    get_serializable_data_for_fields,
)
from modelcluster.utils import sort_by_fields

from .models import PartnerOrganisation

BATCH_SIZE = 2000
PK = attrgetter("pk")
# Field types whose Python values need the field's own preparation for the database.
ADAPTED_TYPES = {"UUIDField", "DateTimeField", "DateField", "TimeField", "JSONField"}
# Of those, the ones whose few distinct values (an import's one "now") are adapted once each.
REPEATED_TYPES = {"DateTimeField", "DateField", "TimeField"}


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` fresh ids for ``model``: PostgreSQL's from the table's sequence; SQLite's past
    both the highest id and the highest ever given (so a deleted partner's history is never
    inherited). Inside the import's transaction, which holds SQLite's write lock."""
    if not count:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), model._meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        last = model._default_manager.aggregate(last=Max("pk"))["last"] or 0
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            found = cursor.fetchone()
            last = max(last, found[0] if found else 0)
    return list(range(last + 1, last + 1 + count))


class Table:
    """INSERT and UPDATE statements for some columns (attribute names) of a model."""

    def __init__(self, model: type[models.Model], attnames: Sequence[str]):
        self.model, self.attnames = model, list(attnames)
        fields = {field.attname: field for field in model._meta.concrete_fields}
        self.fields = [fields[name] for name in self.attnames]
        quote = connection.ops.quote_name
        self.table = quote(model._meta.db_table)
        self.columns = [quote(field.column) for field in self.fields]
        self.adapters = [
            (index, field)
            for index, field in enumerate(self.fields)
            if field.get_internal_type() in ADAPTED_TYPES
        ]
        self.repeated = {
            index for index, field in self.adapters if field.get_internal_type() in REPEATED_TYPES
        }
        self.adapted: dict[tuple, object] = {}

    def values(self, row: Sequence) -> list:
        row = list(row)
        for index, field in self.adapters:
            value = row[index]
            if value is None:
                continue
            if index in self.repeated:
                key = (index, value)
                if key not in self.adapted:
                    self.adapted[key] = field.get_db_prep_save(value, connection)
                row[index] = self.adapted[key]
            else:
                row[index] = field.get_db_prep_save(value, connection)
        return row

    def insert(self, rows: Iterable[Sequence]) -> None:
        placeholders = ", ".join(["%s"] * len(self.columns))
        # Table and column names come from the model's _meta, quoted; values are parameters.
        sql = f"INSERT INTO {self.table} ({', '.join(self.columns)}) VALUES ({placeholders})"  # noqa: S608
        self._execute(sql, rows)

    def update(self, rows: Iterable[Sequence]) -> None:
        """Rows of the columns' values followed by the primary key."""
        assignments = ", ".join(f"{column} = %s" for column in self.columns)
        pk = connection.ops.quote_name(self.model._meta.pk.column)
        sql = f"UPDATE {self.table} SET {assignments} WHERE {pk} = %s"  # noqa: S608
        width = len(self.columns)
        self._execute(sql, ([*self.values(row[:width]), row[width]] for row in rows), adapt=False)

    def _execute(self, sql: str, rows: Iterable[Sequence], adapt: bool = True) -> None:
        batch = []
        with connection.cursor() as cursor:
            for row in rows:
                batch.append(self.values(row) if adapt else row)
                if len(batch) >= BATCH_SIZE:
                    cursor.executemany(sql, batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)


def row_of(instance: models.Model, attnames: Sequence[str]) -> list:
    return [getattr(instance, name) for name in attnames]


class RevisionContent:
    """What ``serializable_data()`` returns for a partner (modelcluster's fields, child
    relations and list pks), built from attributes without going through the relations; the
    lists and children are given, as the import holds them in memory."""

    def __init__(self, model: type[models.Model] = PartnerOrganisation):
        self.plain, self.fields = set(), []
        for field in model._meta.fields:
            if not field.serialize:
                continue
            self.fields.append(field)
            # Field.pre_save and value_to_string are getattr and str(): no call needed.
            if field.remote_field is not None or (
                type(field).pre_save is models.Field.pre_save
                and type(field).value_to_string is models.Field.value_to_string
            ):
                self.plain.add(field.name)
        self.children = [rel.get_accessor_name() for rel in get_all_child_relations(model)]
        self.lists = {
            field.name: field.related_model._meta.ordering
            for field in get_all_child_m2m_relations(model)
            if field.serialize
        }
        self.orders: dict[tuple, list[int]] = {}
        # Worked out once, not per partner and field: (name, attname, field, own value_to_string
        # or pre_save, a relation).
        self.plan = [
            (f.name, f.attname, f, f.name not in self.plain, f.remote_field is not None)
            for f in self.fields
        ]

    def __call__(self, instance, children: dict[str, list], lists: dict[str, list]) -> dict:
        data = {"pk": instance.pk}
        for name, attname, field, custom, related in self.plan:
            value = getattr(instance, attname)
            if custom:
                if value is not None:
                    value = get_field_value(field, instance)
            elif not related and type(value) is not str and not is_protected_type(value):
                value = str(value)  # str() of text is the text itself: left out
            data[name] = value
        for name in self.children:
            data[name] = [serialized(child) for child in children.get(name, ())]
        for name in self.lists:
            data[name] = self.pks(name, lists.get(name, ()))
        return data

    def pks(self, name: str, items) -> list[int]:
        """The entries' pks in their model's ordering, as modelcluster holds a list set in
        memory (sorted once per distinct list)."""
        items = list(items)
        key = (name, *map(PK, items))
        if key not in self.orders:
            if self.lists[name] and len(items) > 1:
                sort_by_fields(items, self.lists[name])
            self.orders[key] = [item.pk for item in items]
        return self.orders[key]


def serialized(child: models.Model) -> dict:
    if hasattr(child, "serializable_data"):
        return child.serializable_data()
    return get_serializable_data_for_fields(child)


def insert_revisions(rows: list[tuple[int, int, dict, str]], user, now) -> None:
    """One revision per (revision id, partner id, content, label), as ``save_revision`` stores
    it."""
    table = Table(
        Revision,
        [
            "id",
            "content_type_id",
            "base_content_type_id",
            "object_id",
            "created_at",
            "user_id",
            "object_str",
            "content",
            "approved_go_live_at",
        ],
    )
    content_type = ContentType.objects.get_for_model(PartnerOrganisation).pk
    base_type = PartnerOrganisation.get_base_content_type().pk
    created = table.values([None, None, None, None, now, None, None, None, None])[4]
    user_id = getattr(user, "pk", None)
    table.adapters = [(7, table.fields[7])]  # the content; the time is adapted once above
    table.insert(
        (revision_id, content_type, base_type, str(pk), created, user_id, label, content, None)
        for revision_id, pk, content, label in rows
    )


def insert_log_entries(rows: list[tuple[int, str, int]], user, now, *, publish: bool) -> None:
    """The "edit" and "publish" entries ``save_revision(log_action=True)`` and ``publish()``
    write, for each (partner id, label, revision id), so each history shows the import."""
    table = Table(
        ModelLogEntry,
        [
            "content_type_id",
            "label",
            "action",
            "data",
            "timestamp",
            "uuid",
            "user_id",
            "revision_id",
            "content_changed",
            "deleted",
            "object_id",
        ],
    )
    content_type = ContentType.objects.get_for_model(PartnerOrganisation, for_concrete_model=False)
    context = get_active_log_context()
    user = user or context.user
    constant = table.values([None, None, None, {}, now, context.uuid, None, None, None, None, None])
    data, timestamp, uuid = constant[3], constant[4], constant[5]
    table.adapters = []
    actions = ("wagtail.edit", "wagtail.publish") if publish else ("wagtail.edit",)
    fixed = (data, timestamp, uuid, getattr(user, "pk", None))
    table.insert(
        (content_type.pk, label, action, *fixed, revision_id, True, False, str(pk))
        for pk, label, revision_id in rows
        for action in actions
    )


def replace_lists(replaced: dict[str, list[int]], links: dict[str, list[tuple[int, int]]]):
    """Delete the list rows of the partners in ``replaced`` (by column), then insert ``links``
    ((partner id, entry id) per column)."""
    for column, pks in replaced.items():
        through = getattr(PartnerOrganisation, column).through
        for start in range(0, len(pks), 500):
            through.objects.filter(partnerorganisation_id__in=pks[start : start + 500])._raw_delete(
                connection.alias
            )
    for column, pairs in links.items():
        field = PartnerOrganisation._meta.get_field(column)
        names = [f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"]
        Table(field.remote_field.through, names).insert(pairs)


def drop_page_cache() -> None:
    from website.page_cache import invalidate

    invalidate()
