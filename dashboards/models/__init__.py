from .historical import HistoricalFigure, HistoricalFigureQuerySet

__all__ = ["HistoricalFigure", "HistoricalFigureQuerySet"]
