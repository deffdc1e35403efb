"""The submissions admin on Wagtail's generic views: a listing per form with filters, search,
pagination and spreadsheet export, a delete confirmation, and the app's other admin screens,
all under one URL namespace (``forms_app``)."""

from functools import cached_property

from django.db import transaction
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from . import admin_views, export_jobs, job_views
from .audit import log_form, log_submission
from .columns import form_columns
from .export import (
    XLSX_CONTENT_TYPE,
    AnswerFormatter,
    SubmissionTable,
    csv_dialect_for,
    stream_csv,
)
from .filters import SubmissionFilterSet
from .models import FormSubmission, WizardFormPage
from .xlsx import write_xlsx

LISTED_ANSWERS = 4  # answer columns in the listing; the export has them all


class AnswerCell(Column):
    """One answer of a submission, as text, shortened for the listing."""

    def __init__(self, name, column, **kwargs):
        self.formatter = AnswerFormatter(column)
        self.key = column.key
        super().__init__(name, label=column.heading, **kwargs)

    def get_value(self, instance):
        stored = instance.answers.get(self.key)
        if stored is None or stored == "" or stored == []:
            return "–"
        return Truncator(self.formatter(stored)).chars(60)


class SubmissionIndexView(IndexView):
    """Submissions of one form (every language version), newest first.

    Wagtail's ``SpreadsheetExportMixin`` falls short for personal data in bulk: its CSV has no
    byte-order mark and always uses ``,`` (German Excel shows one garbled column), its XLSX is
    built in a ``BytesIO`` (the whole file in memory) from model instances of a queryset that
    is also counted and cached, and its columns are the model's fields, not a form's answers.
    ``write_csv_response`` and ``write_xlsx_response`` are replaced: rows come from
    ``SubmissionTable`` (``values_list`` in chunks), the CSV streams, the XLSX is written to a
    temporary file and streamed back. Filters, search and pagination are Wagtail's.
    """

    is_searchable = True
    search_kwarg = "q"
    page_kwarg = "p"

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # The listing's context (table, count) is not built: it would read every row.
            queryset, export_format = self.get_queryset(), request.GET.get("export")
            self.log_export(queryset)
            if export_jobs.is_large(queryset):
                return export_jobs.start(self, queryset)
            return self.as_spreadsheet(queryset, export_format)
        return super().get(request, *args, **kwargs)

    def log_export(self, queryset) -> None:
        """Who exported how many submissions of the form, in which format; whether filtered
        or searched, not by what (a search is often a name)."""
        log_form(
            self.form_page,
            "forms_app.submissions.export",
            request=self.request,
            format=self.request.GET.get("export"),
            rows=queryset.count(),
            filtered=bool(self.is_searching or self.is_filtering),
        )

    @cached_property
    def form_page(self) -> WizardFormPage:
        return admin_views.get_form_page(self.kwargs["page_id"])

    @cached_property
    def answer_columns(self):
        return form_columns(self.form_page)

    def get_page_title(self):
        return _("Submissions: %(title)s") % {"title": self.form_page.title}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("forms_app:index"), "label": _("Form submissions")},
            {"url": "", "label": self.form_page.title},
        ]

    def get_index_url(self):
        return reverse("forms_app:submissions", args=[self.form_page.pk])

    def get_index_results_url(self):
        return reverse("forms_app:submissions_results", args=[self.form_page.pk])

    def get_base_queryset(self):
        queryset = FormSubmission.objects.visible_to(self.request.user).for_page(self.form_page)
        # The row buttons name each submission (its form's title and number).
        return queryset if self.is_export else queryset.select_related("submitted_by", "page")

    def search_queryset(self, queryset):
        return queryset.search(self.search_query) if self.is_searching else queryset

    def detail_url(self, instance) -> str:
        return reverse("forms_app:submission", args=[self.form_page.pk, instance.pk])

    def get_inspect_url(self, instance):
        return self.detail_url(instance)

    def get_edit_url(self, instance):
        if self.user_has_permission("change"):
            return reverse("forms_app:submission_edit", args=[self.form_page.pk, instance.pk])

    def get_delete_url(self, instance):
        if self.user_has_permission("delete"):
            return reverse("forms_app:submission_delete", args=[self.form_page.pk, instance.pk])

    def get_copy_url(self, instance):
        return None

    def get_add_url(self):
        return None

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        listed = self.answer_columns[:LISTED_ANSWERS]
        return [
            title_column(
                "number",
                label=_("Submission number"),
                accessor="pk",
                get_url=self.detail_url,
                sort_key="pk",
            ),
            Column(
                "submitted_at",
                label=_("Submitted at"),
                accessor=lambda s: formats.date_format(
                    timezone.localtime(s.submitted_at), "SHORT_DATETIME_FORMAT"
                ),
                sort_key="submitted_at",
            ),
            Column("submitted_by", label=_("Submitted by")),
            Column("language", label=_("Language"), accessor="language_name"),
            *(AnswerCell(f"answer_{i}", column) for i, column in enumerate(listed)),
        ]

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        excel = csv_dialect_for(None).excel
        params = self.request.GET.copy()
        params["export"] = "csv"
        params["dialect"] = "plain" if excel else "excel"
        label = _("Download CSV (comma-separated)") if excel else _("Download CSV for Excel")
        buttons.append(
            Button(label, url=f"{self.request.path}?{params.urlencode()}", icon_name="download")
        )
        return buttons

    def get_filename(self):
        return f"{self.form_page.slug}-{timezone.localtime():%Y%m%d-%H%M}"

    def _table_and_rows(self, queryset):
        table = SubmissionTable(self.form_page, self.answer_columns)
        return table.header(), table.rows(queryset)

    def csv_dialect(self):
        return csv_dialect_for(self.request.GET.get("dialect"))

    def write_csv_response(self, queryset):
        dialect = self.csv_dialect()
        header, rows = self._table_and_rows(queryset)
        language = translation.get_language()

        def content():
            # Rows are formatted while the response streams, after the view returned.
            with translation.override(language):
                yield from stream_csv(header, rows, dialect)

        response = StreamingHttpResponse(content(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def write_xlsx_response(self, queryset):
        header, rows = self._table_and_rows(queryset)
        return FileResponse(
            write_xlsx(header, rows, self.form_page.title),
            as_attachment=True,
            filename=f"{self.get_filename()}.xlsx",
            content_type=XLSX_CONTENT_TYPE,
        )


class SubmissionDeleteView(DeleteView):
    """Delete a submission after a confirmation: its answers, history and files go; the audit
    log keeps who deleted which number of which form, when."""

    page_title = gettext_lazy("Delete submission")

    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        page = get_object_or_404(WizardFormPage, pk=self.kwargs["page_id"])
        return get_object_or_404(
            FormSubmission.objects.visible_to(self.request.user)
            .for_page(page)
            .select_related("page"),
            pk=self.kwargs["pk"],
        )

    def get_usage_url(self):
        return None

    def get_delete_url(self):
        return reverse("forms_app:submission_delete", args=[self.kwargs["page_id"], self.object.pk])

    def get_success_url(self):
        return reverse("forms_app:submissions", args=[self.kwargs["page_id"]])

    @property
    def confirmation_message(self):
        files = self.object.files.count()
        if not files:
            return _(
                "Delete this submission for good? Its answers and its change history are "
                "deleted and cannot be restored."
            )
        return ngettext(
            "Delete this submission for good? Its answers, its change history and its "
            "uploaded file are deleted and cannot be restored.",
            "Delete this submission for good? Its answers, its change history and its "
            "%(files)s uploaded files are deleted and cannot be restored.",
            files,
        ) % {"files": files}

    def delete_action(self):
        with transaction.atomic():
            log_submission(
                self.object,
                "forms_app.submission.delete",
                request=self.request,
                files=self.object.files.count(),
            )
            self.object.delete()


class SubmissionURLFinder(ModelAdminURLFinder):
    def construct_edit_url(self, instance):
        return reverse("forms_app:submission", args=[instance.page_id, instance.pk])


class SubmissionViewSet(ModelViewSet):
    """Registered under the app's one namespace: the Wagtail views (listing, delete) and the
    hand-written ones Wagtail has no generic view for (form overview, detail, edit with a
    reason, files, definition export and import)."""

    model = FormSubmission
    name = "forms_app"
    url_prefix = "forms-app"
    icon = "form"
    add_to_admin_menu = False
    index_view_class = SubmissionIndexView
    delete_view_class = SubmissionDeleteView
    filterset_class = SubmissionFilterSet
    # Enables Wagtail's export buttons; the columns are the form's (SubmissionTable).
    list_export = ["submitted_at"]
    list_per_page = 50
    url_finder_class = SubmissionURLFinder
    add_to_reference_index = False

    def get_urlpatterns(self):
        return [
            path("", admin_views.form_index, name="index"),
            path("import/", admin_views.definition_import, name="definition_import"),
            path("files/<int:file_id>/", admin_views.submission_file, name="file"),
            path("jobs/<uuid:job_id>/", job_views.job_progress, name="job"),
            path("jobs/<uuid:job_id>/status/", job_views.job_status, name="job_status"),
            path("jobs/<uuid:job_id>/download/", job_views.job_download, name="job_download"),
            path("<int:page_id>/", self.index_view, name="submissions"),
            path("<int:page_id>/results/", self.index_results_view, name="submissions_results"),
            path(
                "<int:page_id>/definition/",
                admin_views.definition_export,
                name="definition_export",
            ),
            path(
                "<int:page_id>/<int:submission_id>/",
                admin_views.submission_detail,
                name="submission",
            ),
            path(
                "<int:page_id>/<int:submission_id>/edit/",
                admin_views.submission_edit,
                name="submission_edit",
            ),
            path(
                "<int:page_id>/<int:pk>/delete/",
                self.delete_view,
                name="submission_delete",
            ),
        ]
