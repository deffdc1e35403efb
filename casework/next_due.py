"""Keep ``Case.next_due``, the earliest exchange or conference not yet held, stored on the case.

"My cases" sorts and filters by it over up to a million cases; computed per row in the query
(two correlated subqueries) it could use no index. Stored, it is one indexed column. It is
refreshed by the signals below for every save and delete of an exchange or conference (the
admin's, cascades, the services'), and by an explicit call after ``bulk_create`` and
``update()``, which send no signals.
"""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Least
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Case, CaseConference, Exchange, Transfer


def next_due_expression():
    exchange = (
        Exchange.objects.filter(transfer__case=OuterRef("pk"), held_on__isnull=True)
        .order_by("planned_for")
        .values("planned_for")[:1]
    )
    conference = (
        CaseConference.objects.filter(case=OuterRef("pk"), held_on__isnull=True)
        .order_by("due_on")
        .values("due_on")[:1]
    )
    next_exchange, next_conference = Subquery(exchange), Subquery(conference)
    return Least(Coalesce(next_exchange, next_conference), Coalesce(next_conference, next_exchange))


def refresh_next_due(case_ids=None) -> int:
    """Recompute ``next_due`` in one UPDATE, for the given cases or (``None``) for all."""
    cases = Case.objects.all() if case_ids is None else Case.objects.filter(pk__in=case_ids)
    return cases.update(next_due=next_due_expression())


@receiver(post_save, sender=Exchange)
@receiver(post_delete, sender=Exchange)
def exchange_changed(sender, instance, **kwargs):
    refresh_next_due(Transfer.objects.filter(pk=instance.transfer_id).values("case_id"))


@receiver(post_save, sender=CaseConference)
@receiver(post_delete, sender=CaseConference)
def conference_changed(sender, instance, **kwargs):
    refresh_next_due([instance.case_id])
