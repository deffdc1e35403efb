"""The Wuppertal network's published results (the seed's conference talk, 2013)."""

from datetime import date
from decimal import Decimal

from partners.models import City

from .models import HistoricalFigure

SOURCE = "Netzwerk Partizipation Wuppertal, Vortrag 2013 (Stand 31.08.2013)"
START, END = date(2008, 10, 1), date(2013, 8, 31)

FIGURES = [
    ("participants_entered", "none", "", 1042),
    ("participants_entered", "gender", "female", 448),
    ("participants_entered", "gender", "male", 594),
    ("participants_entered", "age_group", "under_25", 338),
    ("placements", "none", "", 498),
    ("placements_first_labour_market", "none", "", 498),
    ("placement_rate", "none", "", Decimal("47.8")),
]


def load_historical_figures() -> int:
    """Record the figures (again): idempotent; returns how many there are."""
    wuppertal = City.objects.sources().get(slug="wuppertal")
    for measure, breakdown, category, value in FIGURES:
        HistoricalFigure.objects.update_or_create(
            measure=measure,
            city=wuppertal,
            period_start=START,
            period_end=END,
            breakdown=breakdown,
            breakdown_value=category,
            defaults={"value": value, "source": SOURCE},
        )
    return len(FIGURES)
