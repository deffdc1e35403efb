from wagtail import hooks

from .staff_accounts.bulk_actions import BULK_ACTIONS

# After Wagtail's own (order 0): the bulk action registry keeps the last class per action type.
for action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)
