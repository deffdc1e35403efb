"""The admin for historical figures: a listing with export, and a spreadsheet import that
previews every row (nothing written) before the administrator confirms it."""

import csv
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

import tablib

from forms_app.export import escape_cell
from partners import importing as files

from .models import HistoricalFigure
from .resources import COLUMNS, REQUIRED, HistoricalFigureResource

SESSION_KEY = "dashboards_figures_import"


class FigureImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("A .csv (comma or semicolon, UTF-8 or Windows-1252) or .xlsx file."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


@dataclass
class RowReport:
    line: int
    action: str  # new, update, skip or error
    summary: str
    errors: list[str] = field(default_factory=list)


def read_dataset(data: bytes, extension: str) -> tablib.Dataset:
    """The rows under a German header; raises ``partners.importing.ImportFileError``."""
    files.check_size(len(data))
    if extension == "xlsx":
        try:
            dataset = tablib.Dataset().load(io.BytesIO(data), format="xlsx")
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise files.ImportFileError(_("The file could not be read as .xlsx.")) from error
    else:
        text = files.decode(data)
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            rows = [row for row in reader if any(row)]
        except csv.Error as error:  # e.g. a line break inside an unquoted cell
            raise files.ImportFileError(
                _("The CSV file is malformed near line %(line)d: %(error)s")
                % {"line": reader.line_num, "error": error}
            ) from error
        if not rows:
            raise files.ImportFileError(_("The file is empty."))
        header = [cell.strip() for cell in rows[0]]
        for number, row in enumerate(rows[1:], start=2):
            if any(row[len(header) :]):  # tablib refuses rows of another length
                raise files.ImportFileError(
                    _("Row %(line)d has more cells than the header has columns.") % {"line": number}
                )
        body = [(row + [""] * len(header))[: len(header)] for row in rows[1:]]
        dataset = tablib.Dataset(*body, headers=header)
    headers = dataset.headers or []
    missing = [column for column in REQUIRED if column not in headers]
    unknown = [column for column in headers if column not in COLUMNS.values()]
    problems = []
    if missing:
        problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(
            _("Unknown columns: %(columns)s. Allowed are: %(allowed)s.")
            % {
                # an XLSX header cell may be empty (None) or a number
                "columns": ", ".join(
                    str(cell) if cell not in (None, "") else _("(empty)") for cell in unknown
                ),
                "allowed": ", ".join(COLUMNS.values()),
            }
        )
    if problems:
        raise files.ImportFileError(*problems)
    for column in COLUMNS.values():  # optional columns may be left out
        if column not in headers:
            dataset.append_col([""] * dataset.height, header=column)
    return dataset


def run_import(dataset: tablib.Dataset, *, dry_run: bool) -> list[RowReport]:
    """Import every row (or only try, ``dry_run``); writes nothing if any row fails."""
    result = HistoricalFigureResource().import_data(
        dataset, dry_run=dry_run, raise_errors=False, use_transactions=True
    )
    reports = []
    for number, (row, values) in enumerate(zip(result.rows, dataset.dict, strict=False), 2):
        errors = [str(error.error) for error in row.errors]
        if row.validation_error is not None:
            errors += [
                f"{COLUMNS.get(name, '')}: {message}".lstrip(": ")
                for name, messages_ in row.validation_error.message_dict.items()
                for message in messages_
            ]
        action = "error" if errors else row.import_type
        summary = " · ".join(
            str(values.get(COLUMNS[name], "")) for name in ("measure", "breakdown_value", "value")
        )
        reports.append(RowReport(number, action, summary, errors))
    return reports


class ImportMixin(WagtailAdminTemplateMixin):
    page_title = gettext_lazy("Import historical figures")
    header_icon = "upload"
    template_name = "dashboards/admin/import_figures.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(
            ["dashboards.add_historicalfigure", "dashboards.change_historicalfigure"]
        ):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, **context):
        reports = context.get("reports") or []
        context = self.get_context_data(
            columns=list(COLUMNS.values()),
            required=REQUIRED,
            has_errors=any(report.action == "error" for report in reports),
            counts={
                action: sum(report.action == action for report in reports)
                for action in ("new", "update", "skip", "error")
            },
            **context,
        )
        return TemplateResponse(self.request, self.template_name, context)


class ImportFiguresView(ImportMixin, View):
    def get(self, request):
        return self.render(form=FigureImportForm())

    def post(self, request):
        form = FigureImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        try:
            extension = files.file_format(upload.name)
            data = upload.read()
            reports = run_import(read_dataset(data, extension), dry_run=True)
        except files.ImportFileError as error:
            for message in error.messages:
                form.add_error("file", message)
            return self.render(form=form)
        key = None
        if not any(report.action == "error" for report in reports):
            key = files.stash(data, extension)
            request.session[SESSION_KEY] = key
        return self.render(form=FigureImportForm(), reports=reports, key=key, filename=upload.name)


class ConfirmFiguresView(ImportMixin, View):
    def post(self, request):
        key = request.session.get(SESSION_KEY)
        if not key or request.POST.get("key") != key:
            messages.error(request, _("The uploaded file has expired; please upload it again."))
            return redirect("dashboards_figures_import")
        try:
            dataset = read_dataset(files.unstash(key), Path(key).suffix.lstrip("."))
        except files.ImportFileError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("dashboards_figures_import")
        reports = run_import(dataset, dry_run=False)
        files.discard(key)
        del request.session[SESSION_KEY]
        messages.success(
            request,
            _("Import done: %(new)d created, %(update)d updated, %(skip)d unchanged.")
            % {
                action: sum(report.action == action for report in reports)
                for action in ("new", "update", "skip")
            },
        )
        return redirect("historical_figures:index")


# Exported as text: the rest are dates and numbers, which the XLSX keeps typed.
TEXT_COLUMNS = {"city", "measure", "breakdown", "breakdown_value", "source"}


class FigureIndexView(IndexView):
    def to_row_dict(self, item):
        """Text that a spreadsheet would run as a formula is exported with a leading ``'``
        (Wagtail's CSV export writes it as it is)."""
        row = super().to_row_dict(item)
        return {
            key: escape_cell(str(value)) if key in TEXT_COLUMNS else value
            for key, value in row.items()
        }

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.user_has_permission("add"):
            url = reverse("dashboards_figures_import")
            buttons.append(HeaderButton(_("Import"), url=url, icon_name="upload"))
        return buttons


class HistoricalFigureViewSet(ModelViewSet):
    model = HistoricalFigure
    name = "historical_figures"
    icon = "table"
    menu_label = gettext_lazy("Historical figures")
    add_to_settings_menu = False
    index_view_class = FigureIndexView
    list_display = ["measure", "breakdown_value", "city", "period_start", "period_end", "value"]
    list_filter = ["measure", "city", "breakdown"]
    list_export = list(COLUMNS)
    export_headings = COLUMNS
    form_fields = list(COLUMNS)
    search_fields = ["measure", "breakdown_value", "source"]


def import_urls():
    return [
        path(
            "historical-figures/import/",
            ImportFiguresView.as_view(),
            name="dashboards_figures_import",
        ),
        path(
            "historical-figures/import/confirm/",
            ConfirmFiguresView.as_view(),
            name="dashboards_figures_import_confirm",
        ),
    ]
