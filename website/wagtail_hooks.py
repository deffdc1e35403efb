from wagtail import hooks

from .admin_api import register_media_endpoints
from .lockouts import LockoutViewSet
from .staff_accounts.bulk_actions import BULK_ACTIONS

# Both run after Wagtail's own (order 0), whose registrations they replace: the bulk action
# registry and the API router each keep the last class per name.
for action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)
hooks.register("construct_admin_api", register_media_endpoints, order=1)


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()
