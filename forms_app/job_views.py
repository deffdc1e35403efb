"""The progress page of a background job, its status as JSON and its file.

Only the person who started a job finds it (anyone else gets 404). The page polls the status
with a static script (``job-progress.js``) and, without JavaScript, reloads itself every few
seconds; a finished import goes back where it came from with its message, a finished export
offers its file, which is deleted once downloaded.
"""

from django.contrib import messages
from django.core.files import File
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import jobs
from .models import BackgroundJob
from .storage import get_job_storage

REFRESH_SECONDS = 2


def own_job(request, job_id) -> BackgroundJob:
    return get_object_or_404(BackgroundJob, pk=job_id, user=request.user)


def job_progress(request, job_id):
    job = jobs.refresh_failed(own_job(request, job_id))
    if job.finished and job.next_url:
        (messages.success if job.status == job.Status.DONE else messages.error)(
            request, job.message
        )
        job.delete()
        return redirect(job.next_url)
    return TemplateResponse(
        request,
        "forms_app/admin/job.html",
        {
            "page_title": job.title,
            "header_icon": "time",
            "job": job,
            "state": jobs.status(job),
            "refresh_seconds": REFRESH_SECONDS,
        },
    )


def job_status(request, job_id):
    return JsonResponse(jobs.status(jobs.refresh_failed(own_job(request, job_id))))


class _DeletedWhenClosed(File):
    """The job's file, removed from storage once the download has been sent."""

    def __init__(self, handle, name: str):
        super().__init__(handle, name)
        self.stored_name = name

    def close(self):
        super().close()
        get_job_storage().delete(self.stored_name)


def job_download(request, job_id):
    job = own_job(request, job_id)
    if job.status != job.Status.DONE or not job.file:
        raise Http404
    name = job.file.name
    handle = _DeletedWhenClosed(job.file.storage.open(name, "rb"), name)
    job.file = ""
    job.message = _("The file was downloaded and deleted from the server.")
    job.save(update_fields=["file", "message"])
    return FileResponse(
        handle, as_attachment=True, filename=job.filename, content_type=job.content_type
    )
