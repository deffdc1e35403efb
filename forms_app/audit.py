"""What the form engine writes to Wagtail's audit log about submissions (personal data).

Every opening, export and file download of submissions is logged, as every change and
deletion: who (the entry's user), what (the action, and the submission's or form's entry),
when (its timestamp) and from which address (``data["ip"]``, the request's ``REMOTE_ADDR``,
which the project sets behind trusted proxies). Entries are labelled with the form's title and
the submission's number, and their data holds counts, field keys and ids, never an answer or
a file's name: ``DATA_KEYS`` are the only keys accepted, so the log outlives an erased
submission without keeping what was erased.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .models import FormSubmission

ACTIONS = {
    "forms_app.submission.view": (_("View submission"), _("Opened the submission")),
    "forms_app.submission.file": (
        _("Download file"),
        _("Downloaded a file of the submission"),
    ),
    "forms_app.submission.delete": (_("Delete submission"), _("Deleted a form submission")),
    "forms_app.submission.edit": (_("Edit submission"), _("Changed the answers of a submission")),
    "forms_app.submission.anonymise": (
        _("Anonymise submission"),
        _("Erased the answers and files of a submission"),
    ),
    "forms_app.submissions.export": (
        _("Export submissions"),
        _("Exported the form's submissions"),
    ),
    "forms_app.retention.apply": (
        _("Apply retention"),
        _("Anonymised or deleted submissions past the form's retention period"),
    ),
}

# What an entry's data may say: where from, which screen, which field keys, how many.
DATA_KEYS = frozenset(
    {"ip", "screen", "keys", "files", "file", "format", "rows", "filtered"}
    | {"rule", "count", "cutoff"}
)


def client_ip(request) -> str | None:
    """The address the request came from (``REMOTE_ADDR``)."""
    return request.META.get("REMOTE_ADDR")


def _entry(data: dict, user, request) -> tuple:
    """The entry's user and data: checked keys, and the request's user and address."""
    unknown = set(data) - DATA_KEYS
    if unknown:
        raise ValueError(f"Audit data may not hold {sorted(unknown)}: it could be an answer.")
    if request is not None:
        data["ip"] = client_ip(request)
        user = user or request.user
    return user, data


def log_submission(submission, action: str, user=None, request=None, **data):
    """One entry on ``submission``; with ``request``, its user and client address."""
    user, data = _entry(data, user, request)
    return log(submission, action, user=user, data=data, title=str(submission))


def log_form(page, action: str, user=None, request=None, **data):
    """One entry on the form (a page), for what concerns many of its submissions."""
    user, data = _entry(data, user, request)
    return log(page, action, user=user, data=data)


def log_anonymised(submissions) -> None:
    """One "anonymised" entry per submission (one INSERT), before their answers go."""
    content_type = ContentType.objects.get_for_model(FormSubmission)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(pk),
            label=f"{title} #{pk}",
            action="forms_app.submission.anonymise",
            data={},
            timestamp=now,
        )
        for pk, title in submissions.values_list("pk", "page__title")
    )


def submission_log(submission):
    """The submission's audit entries, newest first (its history on the detail page)."""
    return (
        ModelLogEntry.objects.for_instance(submission)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def register(actions) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
