"""The bulk writes of a partner import (``bulk_import.write_rows``): the revisions, publishing
state, list rows and log entries Wagtail's per-object ``save_revision()``/``publish()`` would
have written, one query per batch instead of several per partner."""

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Cast

from wagtail.log_actions import get_active_log_context
from wagtail.models import ModelLogEntry, Revision

from .models import PartnerOrganisation
from .resources import LIST_COLUMNS

if TYPE_CHECKING:
    from .bulk_import import PlannedRow

BATCH_SIZE = 500


def content(instance: PartnerOrganisation, **overrides) -> dict:
    """``instance.serializable_data()`` with some attributes as they were at an earlier moment."""
    saved = {name: getattr(instance, name) for name in overrides}
    for name, value in overrides.items():
        setattr(instance, name, value)
    try:
        return instance.serializable_data()
    finally:
        for name, value in saved.items():
            setattr(instance, name, value)


def point_at_revisions(pks: list[int], *, live: bool = True) -> None:
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
            latest_revision=latest, live_revision=latest if live else None
        )


def write_lists(new: list["PlannedRow"], updated: list["PlannedRow"]) -> None:
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


def create_revisions(changed: list["PlannedRow"], contents: dict, user, now) -> list[Revision]:
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


def mark_published(instance: PartnerOrganisation, revision: Revision | None, now) -> None:
    """The state ``revision.publish()`` leaves a partner in when the revision is its latest."""
    instance.latest_revision = revision
    instance.live_revision = revision
    instance.live = True
    instance.has_unpublished_changes = False
    instance.expired = False
    instance.last_published_at = now
    if instance.first_published_at is None:
        instance.first_published_at = now


def mark_draft(instance: PartnerOrganisation, revision: Revision | None) -> None:
    """The state ``save_revision()`` leaves a partner in: a new one unpublished, a live one
    still live with its changes waiting."""
    instance.latest_revision = revision
    instance.has_unpublished_changes = True
    if instance.pk is None:
        instance.live = False
        instance.live_revision = None


def log(changed: list["PlannedRow"], revisions: list[Revision], user, now, *, publish=True):
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
        for action in (("wagtail.edit", "wagtail.publish") if publish else ("wagtail.edit",))
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)


def drop_page_cache() -> None:
    from website.page_cache import invalidate

    invalidate()
