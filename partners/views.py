"""The admin's spreadsheet import: upload, preview without writing, take a suggested name as a
synonym, then confirm as published or as drafts; and the template to start from."""

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

from . import importing
from .forms import PartnerImportForm
from .import_template import template_file
from .resources import (
    COLUMNS,
    LIST_COLUMNS,
    REQUIRED_FOR_NEW,
    PartnerResource,
    column_headings,
)

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
        headings = column_headings()
        context = self.get_context_data(
            columns=COLUMNS,
            headings=headings,
            required_columns=[headings[name] for name in REQUIRED_FOR_NEW],
            list_columns=[headings[name] for name in LIST_COLUMNS],
            **context,
        )
        if context.get("report"):
            context["synonym_choices"] = dict(zip(LIST_COLUMNS, _list_names(), strict=True))
            context["report_counts"] = {
                action: context["report"].count(action)
                for action in ("new", "update", "skip", "error")
            }
        return TemplateResponse(self.request, self.template_name, context)


def _list_names() -> list[list[str]]:
    from wagtail.models import Locale

    locale = Locale.get_default()
    return [
        list(model.objects.filter(locale=locale).values_list("name", flat=True))
        for model in LIST_COLUMNS.values()
    ]


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
        key = importing.stash(data, extension)
        request.session[SESSION_KEY] = {
            "key": key,
            "filename": upload.name,
            "rows": len(report.rows),
        }
        return self.render(form=PartnerImportForm(), report=report, key=key, filename=upload.name)

    def preview(self, pending: dict):
        """The preview of the waiting upload again (after a synonym was added)."""
        data = importing.unstash(pending["key"])
        parsed = importing.parse(data, pending["key"].rpartition(".")[2])
        report = importing.run_import(parsed, self.request.user, dry_run=True)
        return self.render(
            form=PartnerImportForm(),
            report=report,
            key=pending["key"],
            filename=pending["filename"],
        )


class AddSynonymView(ImportView):
    """Take an unknown value of the file as another name of the entry it was meant to be, so
    this and every later import accepts it; then show the preview again."""

    def post(self, request):
        pending = request.session.get(SESSION_KEY) or {}
        column, value = request.POST.get("column", ""), request.POST.get("value", "").strip()
        if not pending.get("key") or column not in LIST_COLUMNS or not value:
            messages.error(request, _("The uploaded file has expired; please upload it again."))
            return redirect("partners_import")
        widget = PartnerResource().fields[column].widget
        entry = widget.entry(request.POST.get("entry", ""))
        if entry is None:
            messages.error(request, _("Please choose an entry of the list."))
        elif widget.entry(value) is None:
            entry.add_synonym(value)
            messages.success(
                request,
                _("“%(value)s” is now accepted for “%(entry)s”.")
                % {"value": value, "entry": entry.name},
            )
        try:
            return self.preview(pending)
        except importing.ImportFileError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("partners_import")


class TemplateView(ImportMixin, View):
    def get(self, request):
        response = HttpResponse(
            template_file(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="partner-import-template.xlsx"'
        return response


class ConfirmImportView(ImportMixin, View):
    def post(self, request):
        pending = request.session.get(SESSION_KEY) or {}
        key = pending.get("key")
        if not key or request.POST.get("key") != key:
            messages.error(request, _("The uploaded file has expired; please upload it again."))
            return redirect("partners_import")
        publish = request.POST.get("mode") != "draft"
        if pending.get("rows", 0) > importing.task_rows():
            job = importing.confirm_in_background(
                request, key, publish=publish, rows=pending["rows"]
            )
            del request.session[SESSION_KEY]
            return redirect(progress_url(job))
        try:
            data = importing.unstash(key)
            parsed = importing.parse(data, key.rpartition(".")[2])
            report = importing.run_import(parsed, request.user, dry_run=False, publish=publish)
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
        messages.success(request, importing.done_message(report, publish))
        return redirect("wagtailsnippets_partners_partnerorganisation:list")
