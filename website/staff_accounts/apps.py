from wagtail.users.apps import WagtailUsersAppConfig


class StaffAccountsConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our user and group viewsets and the staff-account permission
    policy."""

    user_viewset = "website.staff_accounts.views.StaffUserViewSet"
    group_viewset = "website.staff_accounts.groups.RoleGroupViewSet"

    def ready(self):
        super().ready()  # registers Wagtail's plain policy for the user model; ours replaces it
        from django.contrib.auth import get_user_model

        from wagtail.permissions import register_permission_policy

        from .policy import StaffAccountPermissionPolicy

        User = get_user_model()
        register_permission_policy(User, StaffAccountPermissionPolicy(User))
