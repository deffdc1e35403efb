"""Large submission exports as a background task: the file is written into private storage and
offered on the job's progress page, instead of a request that streams for minutes.

An export of more than ``FORMS_EXPORT_TASK_ROWS`` (2,000) rows is queued; smaller ones stream as
before. The task rebuilds the listing the person looked at (its filters, search and order, from
the same query string, for the same user) and writes it with the streamed export's own code,
so the file has the same bytes.
"""

import tempfile

from django.conf import settings
from django.core.files import File
from django.http import HttpRequest, QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from django_tasks import task

from . import jobs
from .export import XLSX_CONTENT_TYPE, stream_csv
from .xlsx import write_xlsx

KIND = "forms_app.export"


def task_rows() -> int:
    return getattr(settings, "FORMS_EXPORT_TASK_ROWS", 2000)


def is_large(queryset) -> bool:
    limit = task_rows()
    return queryset[: limit + 1].count() > limit


def start(view, queryset):
    """Queue the export the index ``view`` was asked for; answer with its progress page. The
    view has logged the export already (``SubmissionIndexView.log_export``)."""
    request, page = view.request, view.form_page
    rows = queryset.count()
    job = jobs.start(
        request,
        write_export,
        page.pk,
        request.GET.urlencode(),
        kind=KIND,
        title=_("Export of “%(title)s”") % {"title": page.title},
        total=rows,
        back_url=listing_url(view),
    )
    return redirect(jobs.progress_url(job))


def listing_url(view) -> str:
    """The listing the export was asked from, with its filters but not the export itself."""
    query = view.request.GET.copy()
    query.pop("export", None)
    return f"{view.get_index_url()}?{query.urlencode()}" if query else view.get_index_url()


def listing_for(user, page_id: int, query: str):
    """The submissions index view as ``user`` saw it with ``query`` (filters, search)."""
    from .viewsets import SubmissionViewSet

    request = HttpRequest()
    request.method = "GET"
    request.GET = QueryDict(query)
    request.user = user
    index_view = SubmissionViewSet().index_view
    view = index_view.view_class(**index_view.view_initkwargs)
    view.setup(request, page_id=page_id)
    return view


@task()
def write_export(job_id: str, page_id: int, query: str) -> None:
    with jobs.running(job_id) as (job, progress):
        view = listing_for(job.user, page_id, query)
        queryset = view.get_queryset()
        progress(0, queryset.count(), force=True)
        header, rows = view._table_and_rows(queryset)
        rows = progress.counted(rows)
        name = view.get_filename()
        if view.request.GET.get("export") == "xlsx":
            output = write_xlsx(header, rows, view.form_page.title)
            job.filename, job.content_type = f"{name}.xlsx", XLSX_CONTENT_TYPE
        else:
            dialect = view.csv_dialect()
            output = tempfile.TemporaryFile()  # noqa: SIM115 (closed below)
            for chunk in stream_csv(header, rows, dialect):
                output.write(chunk)
            output.seek(0)
            job.filename, job.content_type = f"{name}.csv", "text/csv; charset=utf-8"
        with output:
            job.file.save(job.filename, File(output), save=False)
        job.message = _("The export is ready: %(rows)d rows.") % {"rows": job.total}
