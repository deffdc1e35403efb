from .drafts import FormDraft
from .pages import WizardFormPage
from .submissions import FormColumn, FormSubmission, SubmissionChange, SubmissionFile

__all__ = [
    "FormColumn",
    "FormDraft",
    "FormSubmission",
    "SubmissionChange",
    "SubmissionFile",
    "WizardFormPage",
]
