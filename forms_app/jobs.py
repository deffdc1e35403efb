"""Slow admin work as a django-tasks task that the person who started it watches.

``start`` records a ``BackgroundJob`` for the requesting user and enqueues the task with the
job's id; in the task, ``running`` finds the job again, runs the work in the language and time
zone of the request that started it, and stores the outcome (a message, a file). ``Progress``
reports rows done; the progress page polls ``status``. With the immediate backend (development,
tests) the task has run when ``start`` returns; with the database backend ``manage.py
db_worker`` runs it, and a task the worker gave up on (django-tasks' own result says FAILED)
shows as failed although the work never got to say so.

Jobs and their files are removed ``FORMS_JOB_RETENTION_HOURS`` (24) after they were started:
on the next ``start`` and by ``manage.py purge_background_jobs``.
"""

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import BackgroundJob

Status = BackgroundJob.Status
REPORT_EVERY_SECONDS = 0.5


class JobFailed(Exception):
    """The work cannot be done for a reason the person should read (e.g. the file expired)."""


def retention() -> timedelta:
    return timedelta(hours=getattr(settings, "FORMS_JOB_RETENTION_HOURS", 24))


def purge_expired() -> int:
    """Remove the jobs (and their files) started longer than the retention time ago."""
    expired = BackgroundJob.objects.filter(created_at__lt=timezone.now() - retention())
    count = 0
    for job in expired.iterator():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count


def start(
    request,
    task,
    *args,
    kind: str,
    title: str,
    total: int = 0,
    next_url: str = "",
    back_url: str = "",
):
    """Record a job of ``request.user`` and enqueue ``task(job_id, *args)``.

    A finished job with a ``next_url`` sends its person there; ``back_url`` (or else
    ``next_url``) is where the progress page's "Back" link leads meanwhile.
    """
    purge_expired()
    job = BackgroundJob.objects.create(
        user=request.user,
        kind=kind,
        title=title,
        language=translation.get_language() or "",
        time_zone=timezone.get_current_timezone_name(),
        total=total,
        next_url=next_url,
        back_url=back_url,
    )
    result = task.enqueue(str(job.pk), *args)
    BackgroundJob.objects.filter(pk=job.pk).update(task_result_id=result.id)
    return job


def progress_url(job: BackgroundJob) -> str:
    return reverse("forms_app:job", args=[job.pk])


class Progress:
    """Rows done, written to the job at most every ``REPORT_EVERY_SECONDS`` (one UPDATE each),
    outside any transaction of the work, so the progress page sees them as they come."""

    def __init__(self, job: BackgroundJob):
        self.job = job
        self.reported_at = 0.0

    def __call__(
        self, done: int, total: int | None = None, *, phase: str = "", force: bool = False
    ) -> None:
        """``phase`` says what the work is doing now (shown with the numbers)."""
        if total is not None:
            self.job.total = total
        if phase:
            self.job.message = phase
        self.job.done = done
        now = time.monotonic()
        if force or now - self.reported_at >= REPORT_EVERY_SECONDS:
            self.reported_at = now
            BackgroundJob.objects.filter(pk=self.job.pk).update(
                done=done, total=self.job.total, message=self.job.message
            )

    def counted(self, items: Iterable, every: int = 500) -> Iterator:
        """``items`` as they are, reporting how many have passed (every ``every``)."""
        count = 0
        for count, item in enumerate(items, 1):
            if count % every == 0:
                self(count)
            yield item
        self(count, force=True)


@contextmanager
def running(job_id: str) -> Iterator[tuple[BackgroundJob, Progress]]:
    """The job, marked running, with its ``Progress``; when the block ends the job is done (or
    failed, with the ``JobFailed`` message, or a general one for any other error, which is
    raised again so django-tasks records it)."""
    job = BackgroundJob.objects.select_related("user").get(pk=job_id)
    job.status = Status.RUNNING
    job.save(update_fields=["status"])
    with translation.override(job.language or None), timezone.override(job.time_zone or None):
        try:
            yield job, Progress(job)
        except JobFailed as failure:
            _finish(job, Status.FAILED, " ".join(str(text) for text in failure.args))
            return
        except Exception:
            _finish(job, Status.FAILED, _("Something went wrong; nothing was changed."))
            raise
        job.done = job.total
        _finish(job, Status.DONE, job.message)


def _finish(job: BackgroundJob, status: str, message: str) -> None:
    job.status, job.message, job.finished_at = status, message, timezone.now()
    job.save()


def refresh_failed(job: BackgroundJob) -> BackgroundJob:
    """Mark the job failed when django-tasks' own result says its task failed (a worker that
    crashed, or an error outside the work); only backends that keep results can say."""
    from django_tasks import default_task_backend
    from django_tasks.base import TaskResultStatus
    from django_tasks.exceptions import TaskResultDoesNotExist

    if job.finished or not job.task_result_id or not default_task_backend.supports_get_result:
        return job
    try:
        result = default_task_backend.get_result(job.task_result_id)
    except TaskResultDoesNotExist:
        return job
    if result.status == TaskResultStatus.FAILED:
        with translation.override(job.language or None):
            _finish(job, Status.FAILED, _("Something went wrong; nothing was changed."))
    return job


def status(job: BackgroundJob) -> dict:
    """What the progress page shows, as JSON for its script (after :func:`refresh_failed`)."""
    return {
        "status": job.status,
        "label": str(job.get_status_display()),
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "message": job.message,
        "finished": job.finished,
        "download_url": reverse("forms_app:job_download", args=[job.pk]) if job.file else "",
        # A finished import ends where the person came from, with its message.
        "reload": job.finished and bool(job.next_url),
    }
