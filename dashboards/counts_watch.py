"""Which writes bring the kept counts up to date (``dashboards.counts``), connected at start-up."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save


def _case_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("bulk"):  # followed by ``bulk_saved`` with the whole set
        return
    from .counts import refresh

    refresh([instance.pk])


def _placement_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("bulk"):
        return
    from .counts import refresh
    from .models.counts import PlacementFact

    # A placement moved to another case leaves its old case too.
    before = PlacementFact.objects.filter(pk=instance.pk).values_list("case_id", flat=True)
    refresh([instance.case_id, *before])


def _saved_in_bulk(sender, instances, **kwargs) -> None:
    from casework.models import Case

    from .counts import refresh

    refresh(item.pk if sender is Case else item.case_id for item in instances)


def _anonymised(sender, case_ids, **kwargs) -> None:
    from .counts import refresh

    refresh(case_ids)


def _rows_written(sender, **kwargs) -> None:
    """Generated rows came without signals (``casework.bulk_rows``): count everything again,
    once, after their transaction."""
    from .counts import rebuild

    transaction.on_commit(rebuild)


def watch_counts() -> None:
    from casework.bulk_rows import bulk_saved, rows_written
    from casework.models import Case, Placement
    from casework.privacy import case_anonymised

    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(_case_changed, sender=Case, dispatch_uid=f"dashboards-counts-case-{name}")
        signal.connect(
            _placement_changed, sender=Placement, dispatch_uid=f"dashboards-counts-placement-{name}"
        )
    bulk_saved.connect(_saved_in_bulk, dispatch_uid="dashboards-counts-bulk")
    case_anonymised.connect(_anonymised, dispatch_uid="dashboards-counts-anonymised")
    rows_written.connect(_rows_written, dispatch_uid="dashboards-counts-rows-written")
