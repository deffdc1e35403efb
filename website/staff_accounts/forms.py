from wagtail.users.forms import UserCreationForm, UserEditForm

from .policy import assignable_groups


class StaffAccountFormMixin:
    """Only superusers see the superuser box and every group; others the roles they manage.

    Removing the field (rather than hiding it) means a posted ``is_superuser`` is never read,
    and a group outside the queryset is refused as an invalid choice.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if for_user is not None and for_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        groups = self.fields["groups"]
        groups.queryset = assignable_groups(for_user) if for_user else groups.queryset.none()


class StaffAccountCreationForm(StaffAccountFormMixin, UserCreationForm):
    pass


class StaffAccountEditForm(StaffAccountFormMixin, UserEditForm):
    pass
