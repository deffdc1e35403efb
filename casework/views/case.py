"""The case page: everything about one person's way into work, and the next actions."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.models import ModelLogEntry

from .. import access
from ..audit import log_case
from ..intakes import intake_context
from ..models import (
    EmployabilityCheck,
    Exchange,
    PlanGoal,
    PlanStep,
    SupportPlan,
    Transfer,
    TransferState,
)
from ..models.cases import partner_of
from .base import CaseMixin

TIMELINE_LENGTH = 50


def transfers_of(case, user):
    """The case's transfers the user may read: all for case managers, their own for partners."""
    transfers = Transfer.objects.filter(case=case)
    if not access.manages(user, case):
        transfers = transfers.filter(partner_id=partner_of(user), state=TransferState.ACCEPTED)
    return transfers.select_related("partner", "conference").prefetch_related(
        "tasks", Prefetch("exchanges", queryset=Exchange.objects.order_by("planned_for"))
    )


def plan_with_steps(plans):
    return plans.prefetch_related(
        Prefetch(
            "goals",
            queryset=PlanGoal.objects.prefetch_related(
                Prefetch("steps", queryset=PlanStep.objects.order_by("sort_order", "pk"))
            ),
        )
    ).select_related("created_by")


class CasePageView(CaseMixin, TemplateView):
    template_name = "casework/admin/case.html"
    page_title = _("Case")

    def allowed(self) -> bool:
        return True  # everyone who sees the case reads its page

    def get_page_title(self):
        return self.case.number

    def get_page_subtitle(self):
        return ""

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items()[:-1]

    def get_context_data(self, **kwargs):
        user, case = self.request.user, self.case
        manages = access.manages(user, case)
        plans = list(plan_with_steps(SupportPlan.objects.filter(case=case)))
        check = EmployabilityCheck.objects.visible_to(user).filter(case=case).first()
        if check is None and not manages:
            check = (
                EmployabilityCheck.objects.filter(case=case, share_summary=True)
                .only("shared_summary", "case_id")
                .first()
            )
            check = {"shared_summary": check.shared_summary} if check else None
        transfers = list(transfers_of(case, user))
        open_transfer = next((t for t in transfers if t.is_open), None)
        log_case(case, "casework.case.view", user)
        if manages and check is not None:
            log_case(case, "casework.employability.view", user)
        timeline = (
            ModelLogEntry.objects.for_instance(case)
            .select_related("user")
            .order_by("-timestamp", "-pk")[:TIMELINE_LENGTH]
        )
        return super().get_context_data(
            case=case,
            manages=manages,
            may_record=manages or access.works_on(user, case),
            show_name=True,
            languages=list(case.languages.all()),
            check=check,
            plan=plans[0] if plans else None,
            earlier_plans=plans[1:],
            transfers=transfers,
            open_transfer=open_transfer,
            next_exchange=next(
                (
                    e
                    for e in (open_transfer.exchanges.all() if open_transfer else [])
                    if not e.held_on
                ),
                None,
            ),
            trainings=list(case.trainings.all()),
            placements=list(case.placements.all()),
            timeline=timeline,
            **intake_context(case, user),
            **kwargs,
        )
