"""The next actions on a case, each a small form over one service function."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import access, audit, forms, services
from ..models import CaseConference, EmployabilityCheck, Exchange, Transfer
from .base import CaseActionView, case_url


class PlanView(CaseActionView):
    """Write the next version of the support plan; a stale version is refused, input kept."""

    page_title = _("Support plan")
    template_name = "casework/admin/plan_form.html"
    form_class = forms.PlanForm
    success_message = _("The support plan was saved as a new version.")

    def get_initial(self):
        plan = services.current_plan(self.case)
        return {
            "expected_version": plan.version if plan else 0,
            "summary": plan.summary if plan else "",
        }

    def get_formset(self):
        if self.request.method == "POST":
            return forms.StepFormSet(self.request.POST, prefix="steps")
        plan = services.current_plan(self.case)
        rows = []
        if plan:
            for goal in plan.goals.prefetch_related("steps"):
                steps = list(goal.steps.all()) or [None]
                for step in steps:
                    rows.append(
                        {"goal": goal.text}
                        | (
                            {
                                "what": step.what,
                                "who": step.who,
                                "due_on": step.due_on,
                                "status": step.status,
                            }
                            if step
                            else {}
                        )
                    )
        return forms.StepFormSet(initial=rows, prefix="steps")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", self.get_formset())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form, formset = self.get_form(), self.get_formset()
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        try:
            services.save_support_plan(
                self.case,
                user=request.user,
                expected_version=form.cleaned_data["expected_version"],
                summary=form.cleaned_data["summary"],
                goals=forms.goals_from_rows([row for row in formset.cleaned_data if row]),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        messages.success(request, self.success_message)
        return redirect(case_url(self.case))


class TransferView(CaseActionView):
    page_title = _("Transfer to a partner")
    template_name = "casework/admin/transfer_form.html"
    form_class = forms.TransferForm
    success_message = _("The transfer was sent to the partner.")

    def get_initial(self):
        return {"starts_on": self.today()}

    def get_formset(self):
        if self.request.method == "POST":
            return forms.TaskFormSet(self.request.POST, prefix="tasks")
        return forms.TaskFormSet(initial=services.tasks_from_plan(self.case), prefix="tasks")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", self.get_formset())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form, formset = self.get_form(), self.get_formset()
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        try:
            services.create_transfer(
                self.case,
                user=request.user,
                today=self.today(),
                tasks=[row for row in formset.cleaned_data if row.get("text")],
                **form.cleaned_data,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        messages.success(request, self.success_message)
        return redirect(case_url(self.case))


class DecisionView(WagtailAdminTemplateMixin, FormView):
    """The partner's answer to a transfer waiting in its inbox: accept, or decline with a reason.

    The case is not yet visible to the partner, so the transfer is loaded through
    ``Transfer.objects.visible_to`` and the page shows the Übermittlungsbogen only.
    """

    page_title = _("Transfer waiting for your answer")
    header_icon = "mail"
    template_name = "casework/admin/decision_form.html"
    form_class = forms.DecisionForm

    def dispatch(self, request, *args, **kwargs):
        self.transfer = get_object_or_404(
            Transfer.objects.visible_to(request.user).select_related("case", "partner"),
            pk=kwargs["pk"],
        )
        if not access.may_answer(request.user, self.transfer):
            raise PermissionDenied
        with audit.request_context(request):
            return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.transfer.case.number

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            transfer=self.transfer, tasks=list(self.transfer.tasks.all()), **kwargs
        )

    def form_valid(self, form):
        today, user = timezone.localdate(), self.request.user
        try:
            if "decline" in self.request.POST:
                services.decline_transfer(
                    self.transfer, user=user, today=today, reason=form.cleaned_data["reason"]
                )
                messages.success(self.request, _("The transfer was declined."))
                return redirect("wagtailadmin_home")
            services.accept_transfer(self.transfer, user=user, today=today)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("Accepted: the case is now in your cases."))
        return redirect(case_url(self.transfer.case))


class ExchangeView(CaseActionView):
    page_title = _("Record an exchange")
    form_class = forms.ExchangeForm
    success_message = _("The exchange was recorded.")

    def allowed(self):
        self.exchange = get_object_or_404(
            Exchange.objects.select_related("transfer"),
            pk=self.kwargs["exchange"],
            transfer__case=self.case,
        )
        return access.may_record_progress(self.request.user, self.case) and (
            access.manages(self.request.user, self.case)
            or access.works_on_transfer(self.request.user, self.exchange.transfer)
        )

    def get_initial(self):
        return {"held_on": self.today()}

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"tasks": self.exchange.transfer.tasks.all()}

    def perform(self, form):
        services.record_exchange(
            self.exchange,
            user=self.request.user,
            held_on=form.cleaned_data["held_on"],
            notes=form.cleaned_data["notes"],
            progress=form.progress(),
        )


class ConferenceView(CaseActionView):
    page_title = _("Record the case conference")
    form_class = forms.ConferenceForm
    success_message = _("The case conference was recorded.")

    def allowed(self):
        self.conference = get_object_or_404(
            CaseConference, pk=self.kwargs["conference"], case=self.case
        )
        return super().allowed()

    def get_initial(self):
        return {"held_on": self.today()}

    def perform(self, form):
        services.record_conference(self.conference, user=self.request.user, **form.cleaned_data)


class CloseView(CaseActionView):
    page_title = _("Close the case")
    form_class = forms.CloseForm
    success_message = _("The case was closed. It is read-only until it is reopened.")

    def perform(self, form):
        services.close_case(
            self.case,
            reason=form.cleaned_data["reason"],
            user=self.request.user,
            today=self.today(),
        )


class ReopenView(CaseActionView):
    page_title = _("Reopen the case")
    form_class = forms.forms.Form
    success_message = _("The case was reopened.")

    def perform(self, form):
        services.reopen_case(self.case, user=self.request.user)


class EmployabilityView(CaseActionView):
    page_title = _("Employability check")
    form_class = forms.EmployabilityForm
    success_message = _("The employability check was saved.")

    def get_form_kwargs(self):
        instance = EmployabilityCheck.objects.filter(case=self.case).first()
        return super().get_form_kwargs() | {
            "instance": instance or EmployabilityCheck(case=self.case, checked_on=self.today())
        }

    def perform(self, form):
        services.ensure_editable(self.case)
        form.save()
        audit.log_case(self.case, "casework.employability.edit", self.request.user)


class RecordView(CaseActionView):
    """A training or placement, recorded by the case manager or the partner on the case."""

    action = ""

    def allowed(self):
        return access.may_record_progress(self.request.user, self.case)

    def perform(self, form):
        services.record_event(
            self.case, form.save(commit=False), user=self.request.user, action=self.action
        )


class TrainingView(RecordView):
    page_title = _("Record a training")
    form_class = forms.TrainingForm
    action = "casework.training.record"
    success_message = _("The training was recorded.")


class PlacementView(RecordView):
    page_title = _("Record a placement")
    form_class = forms.PlacementForm
    action = "casework.placement.record"
    success_message = _("The placement was recorded.")
