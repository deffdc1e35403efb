"""The support plan (Förderplan): goals and concrete steps, one immutable row per version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .cases import CaseScopedQuerySet


class StepStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class SupportPlan(models.Model):
    """One version of a case's support plan.

    Every change writes a new version (``services.save_support_plan``) and earlier versions
    stay as they were, readable and printable; the version number is also the optimistic lock
    that tells the second of two simultaneous editors that someone saved first.
    """

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="plans", verbose_name=_("case")
    )
    version = models.PositiveIntegerField(_("version"))
    summary = models.TextField(_("situation and aims"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = CaseScopedQuerySet.as_manager()

    class Meta:
        ordering = ["case", "-version"]
        verbose_name = _("support plan")
        verbose_name_plural = _("support plans")
        constraints = [
            models.UniqueConstraint(fields=["case", "version"], name="casework_plan_version")
        ]

    def __str__(self) -> str:
        return f"{self.case} v{self.version}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="goals")
    sort_order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("goal"), max_length=300)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.text


class PlanStep(models.Model):
    """A concrete step towards a goal: what, who, by when, and how far it is."""

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="steps")
    sort_order = models.PositiveSmallIntegerField(default=0)
    what = models.CharField(_("what"), max_length=300)
    who = models.CharField(_("who"), max_length=150)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=StepStatus.choices, default=StepStatus.OPEN
    )

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.what
