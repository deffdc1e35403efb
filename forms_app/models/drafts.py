"""Unfinished wizards a person saved to resume later."""

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..storage import draft_expiry, wizard_upload_storage


class FormDraftQuerySet(models.QuerySet):
    def unexpired(self) -> "FormDraftQuerySet":
        return self.filter(expires_at__gt=timezone.now())

    def expired(self) -> "FormDraftQuerySet":
        return self.filter(expires_at__lte=timezone.now())

    def of(self, user, page) -> "FormDraftQuerySet":
        return self.filter(user=user, page=page)


class FormDraft(models.Model):
    """The wizard's stored step data (raw, per step) and the step the person was on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="form_drafts"
    )
    page = models.ForeignKey(
        "forms_app.WizardFormPage", on_delete=models.CASCADE, related_name="drafts"
    )
    label = models.CharField(_("label"), max_length=255)
    data = models.JSONField(_("step data"), default=dict)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    expires_at = models.DateTimeField(_("expires"), default=draft_expiry, db_index=True)

    objects = FormDraftQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("form draft")
        verbose_name_plural = _("form drafts")

    def __str__(self) -> str:
        return self.label

    def uploads(self) -> list[str]:
        """Names (in the wizard's upload storage) of the files this draft holds."""
        step_files = self.data.get("wizard", {}).get("step_files", {}) or {}
        return [upload["tmp_name"] for files in step_files.values() for upload in files.values()]


@receiver(post_delete, sender=FormDraft)
def delete_draft_uploads(sender, instance: FormDraft, **kwargs) -> None:
    """A deleted draft (by its owner, by expiry, on submission) takes its uploads with it."""
    names = instance.uploads()
    transaction.on_commit(lambda: [wizard_upload_storage.delete(name) for name in names])
