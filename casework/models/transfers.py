"""The transfer (Übermittlungsbogen) of a case to a network partner for a fixed period."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TransferState(models.TextChoices):
    PENDING = "pending", _("waiting for the partner")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    COMPLETED = "completed", _("completed")


OPEN_STATES = [TransferState.PENDING, TransferState.ACCEPTED]


class TransferQuerySet(models.QuerySet):
    def open(self) -> "TransferQuerySet":
        return self.filter(state__in=OPEN_STATES)

    def waiting_for(self, partner_id) -> "TransferQuerySet":
        """The partner's inbox: transfers it has not yet accepted or declined."""
        return self.filter(partner_id=partner_id, state=TransferState.PENDING)

    def visible_to(self, user) -> "TransferQuerySet":
        """Transfers of the cases the user sees, and those sent to the user's partner."""
        from .cases import Case, partner_of

        rule = Q(case__in=Case.objects.visible_to(user))
        partner_id = partner_of(user)
        if partner_id is not None:
            rule |= Q(partner_id=partner_id, state__in=OPEN_STATES)
        return self.filter(rule)


class Transfer(models.Model):
    """A case handed to a partner for a period (six months by default) with a task list."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="transfers", verbose_name=_("case")
    )
    partner = models.ForeignKey(
        "partners.PartnerOrganisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("partner organisation"),
    )
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period until"))
    consent_to_share = models.BooleanField(
        _("the person has consented to sharing their data with the partner"), default=False
    )
    consent_recorded_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    note_for_partner = models.TextField(_("note for the partner"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=TransferState.choices, default=TransferState.PENDING
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TransferQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        # A partner's inbox, its cases, "My cases" filtered by partner (the case ids from the
        # index alone).
        indexes = [models.Index(fields=["partner", "state", "case"], name="transfer_partner_state")]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(state__in=["pending", "accepted"]),
                name="casework_one_open_transfer",
                violation_error_message=_("This case already has an open transfer."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.partner}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class TransferTask(models.Model):
    """A task for the period, taken from the plan's steps and editable on the transfer."""

    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="tasks")
    sort_order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("task"), max_length=300)
    due_on = models.DateField(_("by when"), null=True, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.text
