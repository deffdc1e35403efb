from .historical import HistoricalFigure, HistoricalFigureQuerySet
from .pages import DashboardPage

__all__ = ["DashboardPage", "HistoricalFigure", "HistoricalFigureQuerySet"]
