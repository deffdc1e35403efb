"""What the form engine writes to Wagtail's audit log about submissions (personal data).

Entries are labelled with the form's title and the submission's number, never an answer.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

ACTIONS = {
    "forms_app.submission.delete": (_("Delete submission"), _("Deleted a form submission")),
    "forms_app.submission.edit": (_("Edit submission"), _("Changed the answers of a submission")),
    "forms_app.submission.anonymise": (
        _("Anonymise submission"),
        _("Erased the answers and files of a submission"),
    ),
    "forms_app.submissions.export": (
        _("Export submissions"),
        _("Exported the submissions of a form"),
    ),
    "forms_app.retention.apply": (
        _("Apply retention"),
        _("Anonymised or deleted submissions past the form's retention period"),
    ),
}


def log_submission(submission, action: str, user=None, **data):
    return log(submission, action, user=user, data=data, title=str(submission))


def log_form(page, action: str, user=None, **data):
    return log(page, action, user=user, data=data)


def register(actions) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
