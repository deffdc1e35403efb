"""Published aggregate results from before a programme used this software."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class HistoricalFigureQuerySet(models.QuerySet):
    def for_measure(self, key: str) -> "HistoricalFigureQuerySet":
        return self.filter(measure=key)


class HistoricalFigure(models.Model):
    """One published figure: a measure for a city and period, overall or for one category of a
    breakdown (e.g. participants, women, 2008–2013, Wuppertal: 448)."""

    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    city = models.ForeignKey(
        "partners.City", on_delete=models.PROTECT, related_name="+", verbose_name=_("city")
    )
    measure = models.CharField(
        _("measure"), max_length=60, help_text=_("The key of a measure, e.g. placements.")
    )
    breakdown = models.CharField(_("breakdown"), max_length=30, default="none")
    breakdown_value = models.CharField(
        _("category"),
        max_length=60,
        blank=True,
        help_text=_("The category's key, e.g. female or under_25; empty without a breakdown."),
    )
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    source = models.CharField(
        _("source"), max_length=300, help_text=_("Where the figure was published.")
    )

    objects = HistoricalFigureQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "period_start", "breakdown", "breakdown_value"]
        verbose_name = _("historical figure")
        verbose_name_plural = _("historical figures")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "measure",
                    "city",
                    "period_start",
                    "period_end",
                    "breakdown",
                    "breakdown_value",
                ],
                name="dashboards_historical_figure_once",
                violation_error_message=_("This figure has already been recorded."),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="dashboards_historical_figure_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="dashboards_historical_figure_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        category = f" {self.breakdown}={self.breakdown_value}" if self.breakdown_value else ""
        return f"{self.measure}{category} {self.period_start}–{self.period_end}: {self.value}"

    def clean(self) -> None:
        from dashboards.metrics import BREAKDOWNS, MEASURES

        errors = {}
        if self.measure not in MEASURES:
            errors["measure"] = _("Unknown measure “%(key)s”. Known are: %(known)s.") % {
                "key": self.measure,
                "known": ", ".join(MEASURES),
            }
        if self.breakdown not in BREAKDOWNS:
            errors["breakdown"] = _("Unknown breakdown “%(key)s”. Known are: %(known)s.") % {
                "key": self.breakdown,
                "known": ", ".join(BREAKDOWNS),
            }
        elif (self.breakdown == "none") != (not self.breakdown_value):
            errors["breakdown_value"] = _("A category goes with a breakdown, and only with one.")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period ends before it starts.")
        if errors:
            raise ValidationError(errors)
