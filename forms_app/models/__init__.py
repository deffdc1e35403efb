from .drafts import FormDraft
from .jobs import BackgroundJob
from .pages import WizardFormPage
from .submissions import FormColumn, FormSubmission, SubmissionChange, SubmissionFile

__all__ = [
    "BackgroundJob",
    "FormColumn",
    "FormDraft",
    "FormSubmission",
    "SubmissionChange",
    "SubmissionFile",
    "WizardFormPage",
]
