"""What the case page shows of a case's intakes, and the forms that update the case."""

from django.utils.translation import get_language

from wagtail.models import Locale

from forms_app.actions import readable_answers
from forms_app.models import WizardFormPage

from . import access
from .form_actions import ACTION_NAME
from .models import CaseIntake


def intake_forms():
    """The live forms set to open or update a case, in the reader's language where one is."""
    forms = WizardFormPage.objects.live().filter(submission_action=ACTION_NAME).order_by("title")
    locale = Locale.objects.filter(language_code=get_language()).first()
    in_language = [form for form in forms if form.locale_id == getattr(locale, "pk", None)]
    return in_language or [form for form in forms if form.locale_id == Locale.get_default().pk]


def intake_context(case, user) -> dict:
    """For the case page: the case managers of the case read every intake (the latest with its
    answers, which may hold health data) and may start an update; nobody else sees them."""
    if not access.manages(user, case):
        return {"intakes": [], "intake_forms": [], "intake_answers": []}
    intakes = list(
        CaseIntake.objects.filter(case=case).select_related(
            "submission__page", "submission__submitted_by"
        )
    )
    return {
        "intakes": intakes,
        "intake_answers": readable_answers(intakes[0].submission) if intakes else [],
        "intake_forms": [] if case.is_closed else intake_forms(),
    }
