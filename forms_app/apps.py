from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsAppConfig(AppConfig):
    """The generic low-code form engine; it knows nothing of the programme's domain."""

    name = "forms_app"
    verbose_name = _("Forms")

    def ready(self) -> None:
        from . import actions, registry, visibility

        registry.autodiscover()
        actions.autodiscover()
        visibility.autodiscover()
