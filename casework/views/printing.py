"""Printable Förderplan and Übermittlungsbogen: plain HTML with print CSS, in German or English
(``?lang=en``), whatever language the admin is in."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.views import View

from .. import access
from ..audit import log_case
from ..models import SupportPlan, Transfer, TransferState
from ..models.cases import partner_of
from .base import CaseMixin
from .case import plan_with_steps


class PrintView(CaseMixin, View):
    template_name = ""

    def allowed(self):
        return True

    def language(self) -> str:
        requested = self.request.GET.get("lang", "")
        codes = [code for code, _name in settings.LANGUAGES]
        return requested if requested in codes else translation.get_language()

    def get(self, request, *args, **kwargs):
        language = self.language()
        with translation.override(language):
            context = self.get_print_context()
            log_case(
                self.case,
                "casework.case.print",
                request.user,
                document=self.document,
                language=language,
            )
            response = TemplateResponse(
                request,
                self.template_name,
                {"case": self.case, "language": language, **context},
            )
            response.render()
        return response


class PrintPlanView(PrintView):
    template_name = "casework/print/plan.html"
    document = "plan"

    def get_print_context(self):
        plans = plan_with_steps(SupportPlan.objects.filter(case=self.case))
        version = self.request.GET.get("version")
        plan = (
            get_object_or_404(plans, version=version)
            if version and version.isdigit()
            else plans.order_by("-version").first()
        )
        return {"plan": plan}


class PrintTransferView(PrintView):
    template_name = "casework/print/transfer.html"
    document = "transfer"

    def get_print_context(self):
        transfers = Transfer.objects.filter(case=self.case).select_related("partner", "created_by")
        if not access.manages(self.request.user, self.case):
            transfers = transfers.filter(
                partner_id=partner_of(self.request.user), state=TransferState.ACCEPTED
            )
        transfer = get_object_or_404(transfers, pk=self.kwargs["transfer"])
        return {"transfer": transfer, "tasks": list(transfer.tasks.all())}
