from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from website.page_cache import connect_signals
        from website.roles import sync_roles_after_migrate

        connect_signals()
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="website.sync_roles")
