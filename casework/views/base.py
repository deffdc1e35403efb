"""What every case screen shares: the case comes from ``visible_to`` (404 otherwise), the
action's rule from ``casework.access`` (403 otherwise), audit entries get the client address."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import access, audit
from ..models import Case


def case_url(case) -> str:
    return reverse("casework:case", args=[case.pk])


class CaseMixin(WagtailAdminTemplateMixin):
    header_icon = "folder-open-inverse"

    def allowed(self) -> bool:
        """Who may use this screen on a case they see: the case managers unless overridden."""
        return access.manages(self.request.user, self.case)

    def get_case(self):
        return get_object_or_404(
            Case.objects.visible_to(self.request.user).select_related("city", "case_manager"),
            pk=self.kwargs["pk"],
        )

    def dispatch(self, request, *args, **kwargs):
        self.case = self.get_case()
        if not self.allowed():
            raise PermissionDenied
        with audit.request_context(request):
            return super().dispatch(request, *args, **kwargs)

    def today(self):
        return timezone.localdate()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("casework:index"), "label": Case._meta.verbose_name_plural},
            {"url": case_url(self.case), "label": self.case.number},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_subtitle(self):
        return self.case.number


class CaseActionView(CaseMixin, FormView):
    """A form on a case whose valid data goes to a service; its refusal shows on the form."""

    template_name = "casework/admin/action_form.html"
    success_message = ""

    def perform(self, form) -> None:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.perform(form)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(case_url(self.case))

    def get_context_data(self, **kwargs):
        return super().get_context_data(case=self.case, **kwargs)
