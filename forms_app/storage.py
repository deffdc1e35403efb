"""Private file storage: uploads live outside MEDIA_ROOT and are served only by a checked view."""

import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import timezone


class PrivateStorage(FileSystemStorage):
    """Files under ``settings.FORMS_PRIVATE_ROOT``, with no public URL."""

    @property
    def base_location(self):
        return str(settings.FORMS_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; use the submission file view.")


class WizardUploadStorage(PrivateStorage):
    """Files uploaded in earlier steps wait here (privately) until the wizard is submitted, or
    for as long as a draft that holds them lives."""

    @property
    def base_location(self):
        return str(settings.FORMS_PRIVATE_ROOT / "wizard-uploads")


class JobFileStorage(PrivateStorage):
    """Files written by background jobs (large exports) until their owner downloads them."""

    @property
    def base_location(self):
        return str(settings.FORMS_PRIVATE_ROOT / "jobs")


private_storage = PrivateStorage()
wizard_upload_storage = WizardUploadStorage()
job_storage = JobFileStorage()


def get_private_storage() -> PrivateStorage:
    return private_storage


def get_job_storage() -> JobFileStorage:
    return job_storage


# Callables the models name for defaults and paths live here, beside the storage, so the
# migrations that refer to them import this small module and no model code.
def submission_file_path(instance, filename: str) -> str:
    return f"submissions/{instance.submission.page_id}/{uuid.uuid4().hex}/{filename}"


def draft_expiry():
    return timezone.now() + timedelta(days=getattr(settings, "FORMS_DRAFT_LIFETIME_DAYS", 30))


def job_file_path(instance, filename: str) -> str:
    return f"{instance.pk}/{filename}"
