from .counts import CaseCount, CaseFact, MonthsToPlacementCount, PlacementCount, PlacementFact
from .historical import HistoricalFigure, HistoricalFigureQuerySet
from .pages import DashboardPage

__all__ = [
    "CaseCount",
    "CaseFact",
    "DashboardPage",
    "HistoricalFigure",
    "HistoricalFigureQuerySet",
    "MonthsToPlacementCount",
    "PlacementCount",
    "PlacementFact",
]
