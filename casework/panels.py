"""Admin home panels, so that no casework role opens an empty admin."""

from datetime import timedelta

from django.utils import timezone

from wagtail.admin.ui.components import Component

from .models import Case, CaseConference, Exchange, Transfer
from .models.cases import is_case_manager, partner_of

PANEL_LENGTH = 20


class PartnerInboxPanel(Component):
    """Transfers waiting for the partner's answer (pseudonymous: case numbers only)."""

    name = "casework_partner_inbox"
    template_name = "casework/admin/panels/inbox.html"
    order = 50

    def __init__(self, partner_id):
        self.partner_id = partner_id

    def get_context_data(self, parent_context):
        transfers = (
            Transfer.objects.waiting_for(self.partner_id)
            .select_related("case")
            .order_by("starts_on", "pk")[:PANEL_LENGTH]
        )
        return {"transfers": list(transfers)}


class DuePanel(Component):
    """Exchanges and conferences due this week or overdue, in the cases the user sees."""

    name = "casework_due"
    template_name = "casework/admin/panels/due.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        until = today + timedelta(days=7)
        cases = Case.objects.visible_to(self.user).open()
        exchanges = (
            Exchange.objects.filter(transfer__case__in=cases, transfer__state="accepted")
            .not_held()
            .filter(planned_for__lte=until)
            .select_related("transfer__case")
            .order_by("planned_for")[:PANEL_LENGTH]
        )
        conferences = (
            CaseConference.objects.filter(case__in=cases)
            .not_held()
            .filter(due_on__lte=until)
            .select_related("case")
            .order_by("due_on")[:PANEL_LENGTH]
        )
        items = sorted(
            [(e.planned_for, "exchange", e.transfer.case, e) for e in exchanges]
            + [(c.due_on, "conference", c.case, c) for c in conferences],
            key=lambda item: item[0],
        )
        return {"items": items, "today": today}


def panels_for(user) -> list[Component]:
    panels: list[Component] = []
    partner_id = partner_of(user)
    if partner_id is not None:
        panels.append(PartnerInboxPanel(partner_id))
    if partner_id is not None or is_case_manager(user):
        panels.append(DuePanel(user))
    return panels
