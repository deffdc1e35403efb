"""Login lockouts (django-axes) in the Wagtail admin: who is paused, and lifting a pause.

django-axes ships a Django-admin page for this; this site has only the Wagtail admin, so a
listing with a delete action (deleting the attempt record lifts the pause) stands in for it.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from axes.models import AccessAttempt


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lockouts")
    menu_name = "login-lockouts"
    add_to_settings_menu = True
    name = "login_lockouts"
    exclude_form_fields = []
    list_display = [
        Column("username", label=_("username")),
        Column("ip_address", label=_("address")),
        Column("failures_since_start", label=_("failed logins")),
        DateColumn("attempt_time", label=_("last attempt")),
    ]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def register_admin_url_finder(self):
        """No edit view, so no admin URL to find for an attempt."""

    def get_urlpatterns(self):
        """Only the listing and lifting a pause: an attempt record is never added or edited."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("delete/<str:pk>/", self.delete_view, name="delete"),
        ]
