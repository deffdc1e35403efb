from wagtail import hooks

from . import staff
from .viewsets import HistoricalFigureViewSet, import_urls


@hooks.register("register_admin_viewset")
def register_historical_figures():
    return HistoricalFigureViewSet()


@hooks.register("register_admin_urls")
def register_figure_import_urls():
    return import_urls()


@hooks.register("register_log_actions")
def register_dashboard_log_actions(actions):
    staff.register_log_actions(actions)


@hooks.register("construct_homepage_panels")
def add_staff_dashboards_panel(request, panels):
    panel = staff.staff_panel_for(request)
    if panel is not None:
        panels.append(panel)
