from wagtail import hooks

from .viewsets import HistoricalFigureViewSet, import_urls


@hooks.register("register_admin_viewset")
def register_historical_figures():
    return HistoricalFigureViewSet()


@hooks.register("register_admin_urls")
def register_figure_import_urls():
    return import_urls()
