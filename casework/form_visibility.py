"""An intake's form submission follows its case's rules (found by ``forms_app.visibility``).

Once a submission belongs to a case (``CaseIntake``), the submissions admin, its exports and
its files show it only to the case's case managers, as the case page shows the intake: its
answers may hold health data, which partners never see, and a case manager of another city,
a programme administrator or a superuser sees nothing of a case. Submissions that belong to no
case keep the form engine's own rule.
"""

from django.db.models import Exists, OuterRef

from forms_app.visibility import register_visibility_rule

from .models import Case, CaseIntake

RULE_NAME = "casework.intakes"


def intakes_of_visible_cases(submissions, user):
    intakes = CaseIntake.objects.filter(submission=OuterRef("pk"))
    return submissions.filter(
        ~Exists(intakes) | Exists(intakes.filter(case__in=Case.objects.managed_by(user)))
    )


register_visibility_rule(RULE_NAME, intakes_of_visible_cases)
