from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """Aggregated, privacy-safe outcome figures and their charts."""

    name = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        from .cache import watch_models
        from .counts_watch import watch_counts

        watch_counts()  # first: the cache's generation moves on once the counts are right
        watch_models()
