"""The chart block administrators compose dashboards and the model documentation's results from.

A block names a measure of ``dashboards.metrics`` and how to break it down; it never holds
numbers. The numbers are computed when the page is shown, for all charts of the page together,
so that disclosure control (``dashboards.suppression``) sees everything the page publishes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .charting import chart_context


class ChartType(models.TextChoices):
    BAR = "bar", _("Bar chart")
    STACKED_BAR = "stacked_bar", _("Stacked bar chart (by period)")
    LINE = "line", _("Line chart (by period)")
    DONUT = "donut", _("Donut chart")
    KPI = "kpi", _("Key figure")
    TABLE = "table", _("Table only")
    FUNNEL = "funnel", _("Funnel (from intake to placement)")


class Source(models.TextChoices):
    LIVE = "live", _("Live, from the cases in this system")
    HISTORICAL = "historical", _("Historical, published figures")


def measure_choices() -> list[tuple[str, str]]:
    from .metrics import MEASURES

    return [(key, measure.label) for key, measure in MEASURES.items()]


def breakdown_choices() -> list[tuple[str, str]]:
    from .metrics import BREAKDOWNS

    return [(key, breakdown.label) for key, breakdown in BREAKDOWNS.items()]


def period_choices() -> list[tuple[str, str]]:
    from .periods import PERIODS

    return [(key, period.label) for key, period in PERIODS.items()]


def city_choices() -> list[tuple[str, str]]:
    from partners.models import City

    return [(str(city.pk), city.name) for city in City.objects.sources().order_by("name")]


def gender_choices() -> list[tuple[str, str]]:
    from .metrics.expressions import fixed_categories

    return fixed_categories("gender")


def age_group_choices() -> list[tuple[str, str]]:
    from .metrics import AGE_GROUPS

    return [(key, label) for key, label in AGE_GROUPS.items() if key != "unknown"]


class LiveChoiceBlock(blocks.ChoiceBlock):
    """A choice whose options come from the code or the database when the form is built.

    Migrations keep no copy of the options: a measure added or removed in code changes no
    migration, and a page naming a removed measure still loads (its chart says what is wrong).
    """

    choices_from = None

    def __init__(self, **kwargs):
        kwargs.pop("choices", None)
        super().__init__(choices=type(self).choices_from, **kwargs)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return path, args, kwargs


class MeasureChoiceBlock(LiveChoiceBlock):
    choices_from = staticmethod(measure_choices)


class BreakdownChoiceBlock(LiveChoiceBlock):
    choices_from = staticmethod(breakdown_choices)


class PeriodChoiceBlock(LiveChoiceBlock):
    choices_from = staticmethod(period_choices)


class CityChoiceBlock(LiveChoiceBlock):
    choices_from = staticmethod(city_choices)


class GenderChoiceBlock(LiveChoiceBlock):
    choices_from = staticmethod(gender_choices)


class AgeGroupChoiceBlock(LiveChoiceBlock):
    choices_from = staticmethod(age_group_choices)


class ChartFiltersBlock(blocks.StructBlock):
    city = CityChoiceBlock(label=_("city"), required=False)
    gender = GenderChoiceBlock(label=_("gender"), required=False)
    age_group = AgeGroupChoiceBlock(label=_("age group at entry"), required=False)

    class Meta:
        icon = "sliders"
        label = _("filters")
        collapsed = True


class ChartBlock(blocks.StructBlock):
    """One chart (or key figure, or table) of one measure, with its data table and CSV."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    measure = MeasureChoiceBlock(label=_("measure"))
    breakdown = BreakdownChoiceBlock(label=_("broken down by"), default="none")
    period = PeriodChoiceBlock(
        label=_("by period"),
        required=False,
        help_text=_("For a breakdown by period, a line or a stacked bar chart."),
    )
    chart_type = blocks.ChoiceBlock(
        label=_("shown as"), choices=ChartType.choices, default=ChartType.BAR
    )
    funnel_stages = blocks.ListBlock(
        MeasureChoiceBlock(label=_("measure")),
        label=_("further funnel stages"),
        required=False,
        default=[],
        help_text=_("For a funnel: the measures after the first one, in order, e.g. placements."),
    )
    source = blocks.ChoiceBlock(label=_("figures"), choices=Source.choices, default=Source.LIVE)
    filters = ChartFiltersBlock()
    caption = blocks.TextBlock(
        label=_("caption"),
        required=False,
        help_text=_("What readers should know: the period covered, the source, caveats."),
    )

    class Meta:
        icon = "bars"
        template = "dashboards/blocks/chart.html"
        label = _("chart")
        description = _(
            "A chart of one measure of the casework or of historical figures, with its data "
            "table and a CSV download. Small counts are hidden."
        )
        preview_value = {
            "title": "Teilnehmende nach Geschlecht",
            "measure": "participants_entered",
            "breakdown": "gender",
            "chart_type": ChartType.BAR,
            "source": Source.HISTORICAL,
            "funnel_stages": [],
            "filters": {"city": "", "gender": "", "age_group": ""},
            "caption": "Wuppertal, 1. Oktober 2008 bis 31. August 2013.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.update(chart_context(value, parent_context or {}))
        return context

    def get_api_representation(self, value, context=None):
        """The chart's set-up and what it counts. Its numbers come from ``/api/v2/dashboards/``,
        which suppresses them across the whole page as the page does."""
        from .metrics import MEASURES

        stages = [value.get("measure"), *(value.get("funnel_stages") or [])]
        return {
            "title": value.get("title"),
            "chart_type": value.get("chart_type"),
            "breakdown": value.get("breakdown"),
            "period": value.get("period") or None,
            "source": value.get("source"),
            "caption": value.get("caption") or "",
            "measures": [
                {
                    "key": key,
                    "label": str(MEASURES[key].label),
                    "definition": str(MEASURES[key].definition),
                }
                for key in stages
                if key in MEASURES
            ],
        }


class DashboardTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "dashboards/blocks/text.html"
        preview_value = (
            "<p>Von Oktober 2008 bis August 2013 nahmen <b>1.042 Menschen</b> am Netzwerk teil.</p>"
        )
        description = _("Paragraphs that explain the figures around them.")


class DashboardStreamBlock(blocks.StreamBlock):
    """What a dashboard page is made of: charts, and the text that explains them."""

    chart = ChartBlock()
    text = DashboardTextBlock(
        label=_("text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
