from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    """Participants, support plans, transfers, exchanges and placements."""

    name = "casework"
    verbose_name = _("Casework")

    def ready(self):
        from . import next_due  # noqa: F401  (connects the signals that keep next_due stored)
