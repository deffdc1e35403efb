"""The person's data from the case page: the Art. 15 export (JSON and readable) and the
Art. 17 anonymisation, an explicit, confirmed action.

The export's audience is the case's managers: the city answers the person's request, and the
export holds the health data partners never see. Anyone else, partners working on the case
included, gets 404 as for a case they cannot see.
"""

import json

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from .. import privacy
from ..audit import log_case
from ..models import Case
from .base import CaseActionView, CaseMixin


class ManagersOnlyMixin(CaseMixin):
    def get_case(self):
        return get_object_or_404(
            Case.objects.managed_by(self.request.user).select_related("city", "case_manager"),
            pk=self.kwargs["pk"],
        )

    def allowed(self) -> bool:
        return True  # ``managed_by`` decided already


class ExportView(ManagersOnlyMixin, TemplateView):
    """Everything about the person, readable and printable, with the JSON download beside."""

    template_name = "casework/admin/export.html"
    page_title = _("The person's data (GDPR Art. 15)")

    def get_context_data(self, **kwargs):
        sections = privacy.person_record(self.case)
        log_case(self.case, "casework.case.export", self.request.user, format="html")
        return super().get_context_data(case=self.case, sections=sections, **kwargs)


class ExportJsonView(ManagersOnlyMixin, View):
    def get(self, request, *args, **kwargs):
        data = privacy.person_data(self.case)
        log_case(self.case, "casework.case.export", request.user, format="json")
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.case.number}.json"'
        return response


class AnonymiseForm(forms.Form):
    reason = forms.ChoiceField(label=_("reason"), choices=privacy.ErasureReason.choices)
    confirm = forms.BooleanField(
        label=_("I understand that the person's details are erased for good."),
        error_messages={"required": _("Confirm that the details are to be erased.")},
    )


class AnonymiseView(CaseActionView):
    page_title = _("Anonymise the case")
    template_name = "casework/admin/anonymise_form.html"
    form_class = AnonymiseForm
    success_message = _(
        "The case was anonymised: the person's details are erased, its figures remain."
    )

    def perform(self, form):
        privacy.anonymise_case(
            self.case,
            user=self.request.user,
            reason=form.cleaned_data["reason"],
            today=self.today(),
        )
