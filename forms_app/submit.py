"""Storing a finished wizard exactly once, with its files, and telling whoever asked to be told."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from django_tasks import task

from .actions import run_action
from .models import FormDraft, FormSubmission, SubmissionFile


class RateLimited(Exception):
    """Too many submissions of a public form from one address."""


def already_submitted(page, token: str | None) -> FormSubmission | None:
    try:
        token_uuid = uuid.UUID(str(token))
    except ValueError:
        return None
    return FormSubmission.objects.filter(page=page, token=token_uuid).first()


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def check_rate_limit(page, request) -> None:
    """Count submissions per address and form in the cache; raise RateLimited over the limit."""
    count, seconds = getattr(settings, "FORMS_RATE_LIMIT", (5, 600))
    key = f"forms_app:rate:{page.pk}:{client_address(request)}"
    cache.add(key, 0, seconds)
    if cache.get(key, 0) >= count:
        raise RateLimited
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, seconds)


def save_submission(wizard, final_forms: dict, answers: dict) -> FormSubmission:
    """Create the submission (or return the one this wizard already made) and its files, and
    run the form's action in the same transaction (``submission.action_outcome``).

    An action that refuses raises ``ValidationError``: nothing is stored (files written so far
    are removed again, as after any error) and the wizard keeps its answers.
    """
    page, request = wizard.page, wizard.request
    token = uuid.UUID(wizard.storage.extra_data["token"])
    existing = already_submitted(page, token)
    if existing:
        return existing
    if page.is_public_form():
        check_rate_limit(page, request)
    user = request.user if request.user.is_authenticated else None
    written: list[SubmissionFile] = []
    try:
        with transaction.atomic():
            submission = FormSubmission.objects.create(
                page=page,
                revision=page.live_revision or page.latest_revision,
                submitted_by=user,
                language=page.locale.language_code,
                answers=answers,
                token=token,
            )
            stored_answers = dict(answers)
            for step_form in final_forms.values():
                for item in step_form.spec.inputs:
                    upload = (
                        step_form.cleaned_data.get(item.key) if item.field_type.is_file else None
                    )
                    if upload:
                        record = SubmissionFile(
                            submission=submission, key=item.key, original_name=upload.name[:255]
                        )
                        record.file.save(upload.name, upload, save=False)
                        written.append(record)  # on disk now, whether its row follows or not
                        record.save()
                        stored_answers[item.key] = {"name": upload.name, "size": upload.size}
            if stored_answers != answers:
                submission.answers = stored_answers
                submission.save(update_fields=["answers"])
            draft_id = wizard.storage.extra_data.get("draft_id")
            if draft_id and user:
                FormDraft.objects.filter(pk=draft_id, user=user).delete()
            submission.action_outcome = run_action(
                page, submission, request, wizard.storage.extra_data.get("context")
            )
    except IntegrityError:
        # A second click raced the first one to the same token: the first one counts.
        remove_files(written)
        return FormSubmission.objects.get(token=token)
    except Exception:
        # Refused by the action, or the database failed (full disk, read-only, gone): the
        # transaction stored nothing, so no file of it may stay either.
        remove_files(written)
        raise
    transaction.on_commit(lambda: notify.enqueue(submission.pk))
    return submission


def remove_files(records: list[SubmissionFile]) -> None:
    for record in records:
        record.file.storage.delete(record.file.name)


@task()
def notify(submission_pk: int) -> None:
    """Mail the configured addresses a link to the submission; never its answers.

    A task, so a slow mail server holds up the worker (``manage.py db_worker``), not the person
    submitting; a submission deleted before the worker comes to it is not announced.
    """
    submission = FormSubmission.objects.select_related("page").filter(pk=submission_pk).first()
    if submission is None:
        return
    addresses = submission.page.notification_addresses()
    if not addresses:
        return
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "forms_app:submission", args=[submission.page_id, submission.pk]
    )
    send_mail(
        _("New submission to “%(title)s”") % {"title": submission.page.title},
        _("A new submission arrived. You can read it here (login required):") + f"\n\n{link}\n",
        settings.DEFAULT_FROM_EMAIL,
        addresses,
    )
