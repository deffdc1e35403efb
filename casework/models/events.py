"""What happens during and after a transfer: exchanges, the case conference, trainings and
placements."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .cases import CaseScopedQuerySet


class ExchangeQuerySet(CaseScopedQuerySet):
    case_path = "transfer__case"

    def not_held(self) -> "ExchangeQuerySet":
        return self.filter(held_on__isnull=True)


class ConferenceQuerySet(CaseScopedQuerySet):
    def not_held(self) -> "ConferenceQuerySet":
        return self.filter(held_on__isnull=True)


class Exchange(models.Model):
    """A meeting of the partner's caseworker and the case manager: planned, then held."""

    transfer = models.ForeignKey(
        "casework.Transfer",
        on_delete=models.CASCADE,
        related_name="exchanges",
        verbose_name=_("transfer"),
    )
    planned_for = models.DateField(_("planned for"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ExchangeQuerySet.as_manager()

    class Meta:
        ordering = ["planned_for", "pk"]
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        # A case's next exchange ("My cases"), and the due lists. An index leading with
        # held_on made SQLite scan every exchange not yet held for each case of the list.
        indexes = [models.Index(fields=["transfer", "held_on", "planned_for"])]

    def __str__(self) -> str:
        return f"{self.transfer.case} {self.planned_for}"


class TaskProgress(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    UNDER_WAY = "under_way", _("under way")
    DONE = "done", _("done")


class ExchangeProgress(models.Model):
    """How far one task of the transfer had come at an exchange."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="progress")
    task = models.ForeignKey(
        "casework.TransferTask", on_delete=models.CASCADE, related_name="progress"
    )
    progress = models.CharField(_("progress"), max_length=20, choices=TaskProgress.choices)
    comment = models.CharField(_("comment"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("progress on a task")
        verbose_name_plural = _("progress on tasks")
        constraints = [
            models.UniqueConstraint(fields=["exchange", "task"], name="casework_progress_once")
        ]

    def __str__(self) -> str:
        return f"{self.task}: {self.get_progress_display()}"


class ConferenceOutcome(models.TextChoices):
    UPDATE_PLAN = "update_plan", _("Update the support plan")
    NEW_TRANSFER = "new_transfer", _("A new transfer")
    CLOSE = "close", _("Close the case")


class CaseConference(models.Model):
    """The case conference shortly before a transfer's period ends."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="conferences")
    transfer = models.OneToOneField(
        "casework.Transfer",
        on_delete=models.CASCADE,
        related_name="conference",
        verbose_name=_("transfer"),
    )
    due_on = models.DateField(_("due on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ConferenceOutcome.choices, blank=True
    )
    notes = models.TextField(_("current state and next steps"), blank=True)

    objects = ConferenceQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("case conference")
        verbose_name_plural = _("case conferences")
        indexes = [
            models.Index(fields=["held_on", "due_on"]),
            models.Index(fields=["case", "held_on", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.due_on}"


class TrainingKind(models.TextChoices):
    HEALTH = "health", _("Health")
    FAMILY_AND_WORK = "family_work", _("Family and work")
    OLDER_PEOPLE = "older_people", _("Older people")
    LANGUAGE = "language", _("Language")
    QUALIFICATION = "qualification", _("Qualification")
    OTHER = "other", _("Other")


class TrainingStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ATTENDED = "attended", _("attended")
    COMPLETED = "completed", _("completed")
    DROPPED_OUT = "dropped_out", _("dropped out")


class Training(models.Model):
    """A targeted training for a participant with special placement obstacles."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="trainings")
    provider = models.CharField(_("provider"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=TrainingKind.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=TrainingStatus.choices, default=TrainingStatus.PLANNED
    )

    objects = CaseScopedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.provider})"


class PlacementKind(models.TextChoices):
    WORK = "work", _("Work")
    VOCATIONAL_TRAINING = "vocational_training", _("Vocational training")


class Placement(models.Model):
    """A placement into work or vocational training."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="placements")
    kind = models.CharField(_("kind"), max_length=30, choices=PlacementKind.choices)
    first_labour_market = models.BooleanField(_("first labour market"), default=True)
    starts_on = models.DateField(_("start date"))
    sector = models.CharField(_("sector"), max_length=150)
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = CaseScopedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        # The dashboards' placements on the first labour market, counted from the index.
        indexes = [models.Index(fields=["first_labour_market"], name="placement_first_market")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.sector}"
