"""The admin's spreadsheet import: upload, preview without writing, then confirm."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import importing
from .forms import PartnerImportForm
from .resources import COLUMNS, LIST_COLUMNS, REQUIRED_COLUMNS

SESSION_KEY = "partners_import"
IMPORT_PERMISSIONS = (
    "partners.add_partnerorganisation",
    "partners.change_partnerorganisation",
    "partners.publish_partnerorganisation",
)


class ImportMixin(WagtailAdminTemplateMixin):
    page_title = gettext_lazy("Import partners")
    header_icon = "upload"
    template_name = "partners/admin/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_partners_partnerorganisation:list"),
                "label": _("Partner organisations"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def render(self, **context):
        context = self.get_context_data(
            columns=COLUMNS,
            required_columns=REQUIRED_COLUMNS,
            list_columns=list(LIST_COLUMNS),
            **context,
        )
        if context.get("report"):
            context["report_counts"] = {
                action: context["report"].count(action)
                for action in ("new", "update", "skip", "error")
            }
        return TemplateResponse(self.request, self.template_name, context)


class ImportView(ImportMixin, View):
    def get(self, request):
        return self.render(form=PartnerImportForm())

    def post(self, request):
        form = PartnerImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        try:
            extension = importing.file_format(upload.name)
            importing.check_size(upload.size)
            data = upload.read()
            report = importing.run_import(
                importing.parse(data, extension), request.user, dry_run=True
            )
        except importing.ImportFileError as error:
            for message in error.messages:
                form.add_error("file", message)
            return self.render(form=form)
        key = None
        if not report.has_errors:
            key = importing.stash(data, extension)
            request.session[SESSION_KEY] = {"key": key, "filename": upload.name}
        return self.render(form=PartnerImportForm(), report=report, key=key, filename=upload.name)


class ConfirmImportView(ImportMixin, View):
    def post(self, request):
        pending = request.session.get(SESSION_KEY) or {}
        key = pending.get("key")
        if not key or request.POST.get("key") != key:
            messages.error(request, _("The uploaded file has expired; please upload it again."))
            return redirect("partners_import")
        try:
            data = importing.unstash(key)
            parsed = importing.parse(data, key.rpartition(".")[2])
            report = importing.run_import(parsed, request.user, dry_run=False)
        except importing.ImportFileError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("partners_import")
        if report.has_errors:
            return self.render(
                form=PartnerImportForm(), report=report, key=None, filename=pending["filename"]
            )
        importing.discard(key)
        del request.session[SESSION_KEY]
        messages.success(
            request,
            _("Import done: %(new)d created, %(update)d updated, %(skip)d unchanged.")
            % {
                "new": report.count("new"),
                "update": report.count("update"),
                "skip": report.count("skip"),
            },
        )
        return redirect("wagtailsnippets_partners_partnerorganisation:list")
