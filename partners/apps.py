from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The directory of the network's partner organisations."""

    name = "partners"
    verbose_name = _("Partners")
