from django.contrib.auth.models import Group

from wagtail.permission_policies import ModelPermissionPolicy

from website.roles import roles_managed_by

# Viewing the listing and an account's history changes nothing; every other action is per account.
_READ_ONLY = {"view"}


def may_manage(manager, account) -> bool:
    """Whether ``manager`` may change, delete or assign roles to ``account``.

    Never a superuser, never oneself (their own name and password are in the account settings),
    and only an account all of whose groups the manager may assign.
    """
    if manager.is_superuser:
        return True
    if account.is_superuser or account.pk == manager.pk:
        return False
    held = {group.name for group in account.groups.all()}  # uses a listing's prefetch
    return held <= _managed_roles(manager)


def _managed_roles(manager) -> set[str]:
    """Looked up once per user object, as Django caches ``has_perm`` (one query per listing)."""
    if not hasattr(manager, "_managed_roles_cache"):
        manager._managed_roles_cache = roles_managed_by(manager)
    return manager._managed_roles_cache


def assignable_groups(user):
    """The groups ``user`` may give to an account: the roles they manage."""
    return Group.objects.filter(name__in=roles_managed_by(user)).order_by("name")


class StaffAccountPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions on users, plus :func:`may_manage` for each account."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return action in _READ_ONLY or may_manage(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        accounts = super().instances_user_has_any_permission_for(user, actions)
        reads = [action for action in actions if action in _READ_ONLY]
        if user.is_superuser or any(self.user_has_permission(user, action) for action in reads):
            return accounts
        foreign_groups = Group.objects.exclude(name__in=roles_managed_by(user))
        return (
            accounts.exclude(is_superuser=True)
            .exclude(pk=user.pk)
            .exclude(groups__in=foreign_groups)
        )
