"""Background work a person started in the admin and waits for: its progress and its outcome.

One generic record for every kind of job (a large submissions export, a partner or casework
import). It lives in the form engine because the engine is the one app everything else may
import: forms_app imports nothing of the project, and partners and casework may import forms_app,
so a record kept here serves all three without an import the other way round.

django-tasks runs the work and keeps its own result (``task_result_id``; with the database
backend it says whether the worker failed); this record adds what the task result has not:
who may see the job, rows done of the total, the message at the end and the file written.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..storage import get_job_storage, job_file_path


class BackgroundJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="background_jobs"
    )
    kind = models.CharField(max_length=100)
    title = models.CharField(max_length=255)
    language = models.CharField(max_length=20, blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    next_url = models.CharField(max_length=500, blank=True)
    # Where the progress page's "Back" link leads while the work goes on (else ``next_url``).
    back_url = models.CharField(max_length=500, blank=True)
    file = models.FileField(storage=get_job_storage, upload_to=job_file_path, blank=True)
    filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=255, blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self):
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def return_url(self) -> str:
        return self.back_url or self.next_url

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0
