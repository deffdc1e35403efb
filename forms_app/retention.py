"""Retention of submissions: each form may say after how many months its submissions are
anonymised or deleted (``WizardFormPage.retention_months`` / ``retention_action``).

The setting is the source form's; it covers the submissions of every language version.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .audit import log_anonymised, log_form
from .models import FormSubmission, SubmissionChange, SubmissionFile, WizardFormPage
from .models.pages import RetentionAction


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day ``months`` earlier (the month's last day where it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


@dataclass
class RetentionResult:
    page: WizardFormPage
    action: str
    cutoff: datetime.datetime
    count: int
    files: int


def due_submissions(page: WizardFormPage, cutoff):
    submissions = FormSubmission.objects.for_page(page).older_than(cutoff)
    if page.retention_action == RetentionAction.ANONYMISE:
        submissions = submissions.filter(anonymised_at__isnull=True)
    return submissions


@transaction.atomic
def anonymise(submissions) -> None:
    """Erase the answers, files and change history of ``submissions``; the rows stay, and
    their audit entries, which hold no answer, say that they were anonymised."""
    log_anonymised(submissions)
    for record in SubmissionFile.objects.filter(submission__in=submissions):
        record.delete()  # its file goes from storage once committed
    SubmissionChange.objects.filter(submission__in=submissions).delete()
    submissions.update(answers={}, search_text="", submitted_by=None, anonymised_at=timezone.now())


def apply_retention(*, dry_run: bool = False, now=None) -> list[RetentionResult]:
    """Apply every form's retention rule; with ``dry_run`` only count what would happen."""
    now = now or timezone.now()
    results = []
    forms = WizardFormPage.objects.filter(retention_months__isnull=False).order_by("pk")
    for page in forms:
        if page.source_form().pk != page.pk:
            continue
        cutoff = months_before(now, page.retention_months)
        with transaction.atomic():
            due = due_submissions(page, cutoff)
            count = due.count()
            files = SubmissionFile.objects.filter(submission__in=due).count()
            results.append(RetentionResult(page, page.retention_action, cutoff, count, files))
            if dry_run or not count:
                continue
            if page.retention_action == RetentionAction.DELETE:
                due.delete()
            else:
                anonymise(due)
            log_form(
                page,
                "forms_app.retention.apply",
                rule=page.retention_action,
                count=count,
                files=files,
                cutoff=cutoff.isoformat(),
            )
    return results
