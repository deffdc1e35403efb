from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from .admin_api import register_media_endpoints
from .lockouts import LockoutViewSet
from .staff_accounts.bulk_actions import BULK_ACTIONS
from .staff_accounts.policy import may_manage

# Both run after Wagtail's own (order 0), whose registrations they replace: the bulk action
# registry and the API router each keep the last class per name.
for action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)
hooks.register("construct_admin_api", register_media_endpoints, order=1)


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        "website.two_factor.enrol", _("Set up second factor"), _("Set up a second factor")
    )
    actions.register_action(
        "website.two_factor.reset", _("Reset second factor"), _("Reset the second factor")
    )


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    """Offered for the accounts the administrator manages, never their own."""
    if (
        user.pk != request_user.pk
        and request_user.has_perm("auth.change_user")
        and may_manage(request_user, user)
    ):
        yield Button(
            _("Reset second factor"),
            reverse("two_factor:reset", args=[user.pk]),
            icon_name="key",
            priority=50,
        )
