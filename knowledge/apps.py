from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The model's documentation and good-practice pages for other cities."""

    name = "knowledge"
    verbose_name = _("Knowledge")

    def ready(self) -> None:
        from . import signals  # noqa: F401
