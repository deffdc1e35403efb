"""What a wizard produces: submissions with answers by stable key, files and change history."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ..storage import get_private_storage, submission_file_path


class FormSubmissionQuerySet(models.QuerySet):
    def for_page(self, page) -> "FormSubmissionQuerySet":
        """Submissions of the form in every language (the page and its translations)."""
        return self.filter(page__translation_key=page.translation_key)

    def search(self, text: str) -> "FormSubmissionQuerySet":
        """Submissions whose answers contain ``text`` anywhere (case-insensitive)."""
        if not text:
            return self
        return self.annotate(answers_text=Cast("answers", TextField())).filter(
            answers_text__icontains=text
        )

    def visible_to(self, user) -> "FormSubmissionQuerySet":
        """All submissions for holders of the view permission, otherwise the user's own."""
        if user.has_perm("forms_app.view_formsubmission"):
            return self
        return self.filter(submitted_by=user)


class FormSubmission(models.Model):
    page = models.ForeignKey(
        "forms_app.WizardFormPage",
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("form"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("form version"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="form_submissions",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    token = models.UUIDField(
        _("submission token"),
        unique=True,
        default=uuid.uuid4,
        editable=False,
        help_text=_("One per filled wizard, so a double click on submit stores one submission."),
    )

    objects = FormSubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return f"{self.page.title} #{self.pk}"

    @property
    def language_name(self) -> str:
        """The language the person filled the form in, named in the reader's language."""
        if not self.language:
            return ""
        try:
            return str(get_language_info(self.language)["name_translated"])
        except KeyError:
            return self.language


class SubmissionFile(models.Model):
    """An uploaded file, stored privately; served only by ``forms_app_submission_file``."""

    submission = models.ForeignKey(FormSubmission, on_delete=models.CASCADE, related_name="files")
    key = models.CharField(_("field key"), max_length=50)
    file = models.FileField(
        _("file"), storage=get_private_storage, upload_to=submission_file_path, max_length=500
    )
    original_name = models.CharField(_("file name"), max_length=255)

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")
        constraints = [
            models.UniqueConstraint(fields=["submission", "key"], name="one_file_per_field")
        ]

    def __str__(self) -> str:
        return self.original_name


class SubmissionChange(models.Model):
    """Who changed which answers of a submission, and when (old and new value per key)."""

    submission = models.ForeignKey(FormSubmission, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("submission change")
        verbose_name_plural = _("submission changes")

    def __str__(self) -> str:
        return f"{self.submission} {self.changed_at:%Y-%m-%d %H:%M}"
