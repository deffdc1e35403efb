"""The dashboards app's models, one module each."""

from .pages import DashboardPage  # noqa: F401
