"""The import of participants and placements: upload, preview, confirm; and its template.

Case managers only (everyone else is refused), into their own city only (``importing``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms_app.jobs import progress_url
from website.spreadsheets import UploadForm

from .. import audit, importing
from ..conf import setting
from ..import_rows import column_headings
from ..import_template import template_file
from ..models.cases import is_case_manager

SESSION_KEY = "casework_import"


class CaseImportForm(UploadForm):
    def limits(self) -> tuple[int, int]:
        return setting("CASEWORK_IMPORT_MAX_BYTES"), setting("CASEWORK_IMPORT_MAX_ROWS")


class CaseImportMixin(WagtailAdminTemplateMixin):
    page_title = gettext_lazy("Import cases")
    header_icon = "upload"
    template_name = "casework/admin/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_case_manager(request.user):
            raise PermissionDenied
        with audit.request_context(request):
            return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("casework:index"), "label": _("My cases")},
            {"url": "", "label": self.get_page_title()},
        ]


class CaseImportView(CaseImportMixin, View):
    """GET: the upload form. POST with a file: its preview. POST with ``key``: confirm."""

    def render(self, **context):
        if context.get("report"):
            context["counts"] = {
                action: context["report"].count(action) for action in ("new", "placement", "error")
            }
        context = self.get_context_data(headings=column_headings(), **context)
        return TemplateResponse(self.request, self.template_name, context)

    def get(self, request):
        return self.render(form=CaseImportForm())

    def post(self, request):
        if "key" in request.POST:
            return self.confirm(request)
        form = CaseImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        try:
            extension = importing.check_upload(upload.name, upload.size)
            data = upload.read()
            report = importing.check(data, extension, request.user)
        except importing.ImportFileError as error:
            for message in error.messages:
                form.add_error("file", message)
            return self.render(form=form)
        key = importing.PREVIEWS.stash(data, extension)
        request.session[SESSION_KEY] = {
            "key": key,
            "filename": upload.name,
            "rows": len(report.rows),
        }
        return self.render(form=CaseImportForm(), report=report, key=key, filename=upload.name)

    def confirm(self, request):
        pending = request.session.get(SESSION_KEY) or {}
        key = pending.get("key")
        try:
            if not key or request.POST.get("key") != key:
                raise importing.ImportFileError(
                    _("The uploaded file has expired; please upload it again.")
                )
            if pending.get("rows", 0) > importing.task_rows():
                job = importing.confirm_in_background(
                    request, key, pending["filename"], pending["rows"]
                )
                del request.session[SESSION_KEY]
                return redirect(progress_url(job))
            data = importing.PREVIEWS.unstash(key)
            report = importing.check(data, key.rpartition(".")[2], request.user)
            importing.write(report, request.user, pending["filename"])
        except importing.ImportFileError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("casework:import")
        importing.PREVIEWS.discard(key)
        del request.session[SESSION_KEY]
        messages.success(request, importing.done_message(report))
        return redirect("casework:index")


class CaseImportTemplateView(CaseImportMixin, View):
    def get(self, request):
        response = HttpResponse(
            template_file(request.user),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="case-import-template.xlsx"'
        return response
