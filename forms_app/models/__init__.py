from .drafts import FormDraft
from .pages import WizardFormPage
from .submissions import FormSubmission, SubmissionChange, SubmissionFile

__all__ = ["FormDraft", "FormSubmission", "SubmissionChange", "SubmissionFile", "WizardFormPage"]
