"""The record of reminder mails sent, so that the daily run never sends the same one twice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    DUE = "due", _("due soon")
    OVERDUE = "overdue", _("overdue")


class SentReminder(models.Model):
    """One reminder of one kind about one exchange or conference to one person.

    Written in the same transaction that decides to send it: a second run (or a run beside it)
    finds the row and sends nothing; ``sent_at`` stays empty when a run was interrupted after
    deciding and before the mail went out (``send_casework_reminders`` reports those).
    """

    exchange = models.ForeignKey(
        "casework.Exchange", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    conference = models.ForeignKey(
        "casework.CaseConference",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    decided_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.CheckConstraint(
                condition=Q(exchange__isnull=False, conference__isnull=True)
                | Q(exchange__isnull=True, conference__isnull=False),
                name="casework_reminder_one_event",
            ),
            models.UniqueConstraint(
                fields=["exchange", "recipient", "kind"],
                condition=Q(exchange__isnull=False),
                name="casework_reminder_exchange_once",
            ),
            models.UniqueConstraint(
                fields=["conference", "recipient", "kind"],
                condition=Q(conference__isnull=False),
                name="casework_reminder_conference_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient_id}"
