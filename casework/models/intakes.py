"""The intake forms that opened or updated a case, kept as they were filled."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .cases import Case, CaseScopedQuerySet


class CaseIntake(models.Model):
    """A form submission that opened or updated ``case`` (see ``casework.form_actions``).

    The answers mapped to case attributes were copied onto the case; every answer stays in the
    submission, shown on the case page to the case's case managers. The link lives here, so the
    form engine knows nothing of cases.
    """

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="intakes", verbose_name=_("case")
    )
    submission = models.OneToOneField(
        "forms_app.FormSubmission",
        on_delete=models.CASCADE,
        related_name="case_intake",
        verbose_name=_("form submission"),
    )
    opened_case = models.BooleanField(_("opened the case"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CaseScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("intake of a case")
        verbose_name_plural = _("intakes of cases")

    def __str__(self) -> str:
        return f"{self.case} ← {self.submission_id}"
