"""Wagtail's user bulk actions, each checked per account against the staff-account policy.

Registered under the same action types as Wagtail's (``website.wagtail_hooks``, after them), so
they replace them; accounts the user may not manage are left out, as Wagtail does with any item
the user has no access to.
"""

from wagtail.permissions import policy_registry
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from .policy import assignable_groups


class AccountCheckMixin:
    account_action = "change"

    def check_perm(self, obj):
        policy = policy_registry.get_by_type(self.model)
        return super().check_perm(obj) and policy.user_has_permission_for_instance(
            self.request.user, self.account_action, obj
        )


class StaffAssignRoleBulkAction(AccountCheckMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = assignable_groups(self.request.user)
        return form


class StaffSetActiveStateBulkAction(AccountCheckMixin, SetActiveStateBulkAction):
    pass


class StaffDeleteBulkAction(AccountCheckMixin, DeleteBulkAction):
    account_action = "delete"


BULK_ACTIONS = [StaffAssignRoleBulkAction, StaffSetActiveStateBulkAction, StaffDeleteBulkAction]
