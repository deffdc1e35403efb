"""What a wizard produces: submissions with answers by stable key, files and change history."""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published

from ..storage import get_private_storage, submission_file_path
from ..visibility import narrow


def answers_search_text(answers) -> str:
    """Every text in ``answers`` (nested lists and dicts included), case-folded, one per line.

    The search column exists because the JSON column cannot be searched as text: SQLite stores
    "Müller" as ``M\\u00fcller`` and PostgreSQL's ``jsonb::text`` keeps the case. Case-folding
    once on save (``ß`` → ``ss``, ``İ`` → ``i̇``) makes one plain ``LIKE`` find the same answers on
    both databases; the search text is case-folded the same way.
    """
    parts: list[str] = []

    def walk(value) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            parts.append(value)
        elif value is not None and not isinstance(value, bool):
            parts.append(str(value))

    walk(answers)
    return "\n".join(parts).casefold()


class FormSubmissionQuerySet(models.QuerySet):
    def for_page(self, page) -> "FormSubmissionQuerySet":
        """Submissions of the form in every language (the page and its translations)."""
        return self.filter(page__translation_key=page.translation_key)

    def search(self, text: str) -> "FormSubmissionQuerySet":
        """Submissions whose answers contain ``text`` anywhere, in any letter case."""
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(search_text__contains=text.casefold())

    def older_than(self, cutoff) -> "FormSubmissionQuerySet":
        return self.filter(submitted_at__lt=cutoff)

    def visible_to(self, user) -> "FormSubmissionQuerySet":
        """All submissions for holders of the view permission, otherwise the user's own; less
        those a domain app's rule hides from the user (``forms_app.visibility``)."""
        if user.has_perm("forms_app.view_formsubmission"):
            return narrow(self, user)
        return narrow(self.filter(submitted_by=user), user)


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
    search_text = models.TextField(
        _("search text"),
        blank=True,
        editable=False,
        help_text=_("The answers' texts, case-folded, written on every save (for the search)."),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = FormSubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return f"{self.page.title} #{self.pk}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = answers_search_text(self.answers)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "answers" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    @transaction.atomic
    def anonymise(self) -> None:
        """Erase what the person answered and uploaded; the row stays, so counts stay true.

        The change history goes too: it holds old answers.
        """
        for record in self.files.all():
            record.delete()
        self.changes.all().delete()
        self.answers = {}
        self.submitted_by = None
        self.anonymised_at = timezone.now()
        self.save(update_fields=["answers", "submitted_by", "anonymised_at"])

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
    reason = models.TextField(_("reason for the change"), blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("submission change")
        verbose_name_plural = _("submission changes")

    def __str__(self) -> str:
        return f"{self.submission} {self.changed_at:%Y-%m-%d %H:%M}"


class FormColumn(models.Model):
    """A field key the form has published, with its latest label: the export's columns.

    Written when the form (its source language version) is published, so listings and exports
    read one small table instead of every revision. A key the form no longer has stays, marked
    ``removed``, so answers given to it are still exported.
    """

    page = models.ForeignKey(
        "forms_app.WizardFormPage", on_delete=models.CASCADE, related_name="columns"
    )
    key = models.CharField(_("field key"), max_length=50)
    label = models.CharField(_("label"), max_length=500, blank=True)
    field_type = models.CharField(_("field type"), max_length=50, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    removed = models.BooleanField(_("removed"), default=False)

    class Meta:
        ordering = ["removed", "position", "pk"]
        verbose_name = _("form column")
        verbose_name_plural = _("form columns")
        constraints = [models.UniqueConstraint(fields=["page", "key"], name="one_column_per_key")]

    def __str__(self) -> str:
        return self.label or self.key


@receiver(post_delete, sender=SubmissionFile)
def delete_stored_file(sender, instance: SubmissionFile, **kwargs) -> None:
    """A deleted file record (also by a cascade from its submission or form) takes its file
    from storage once the deletion is committed, so a rolled-back delete loses nothing."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@receiver(page_published)
def record_published_columns(sender, instance, **kwargs) -> None:
    from ..columns import record_columns
    from .pages import WizardFormPage

    if isinstance(instance, WizardFormPage):
        record_columns(instance)
