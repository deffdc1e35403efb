from wagtail.users.forms import UserCreationForm, UserEditForm

from website.roles import ROLE_LABELS

from .policy import assignable_groups


def role_label(group) -> str:
    """A role's translated name (groups are named in English once, in ``website.roles``)."""
    return str(ROLE_LABELS.get(group.name, group.name))


class StaffAccountFormMixin:
    """Only superusers see the superuser box and every group; others the roles they manage.

    Removing the field (rather than hiding it) means a posted ``is_superuser`` is never read,
    and a group outside the queryset is refused as an invalid choice.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].label_from_instance = role_label
        if for_user is not None and for_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        groups = self.fields["groups"]
        groups.queryset = assignable_groups(for_user) if for_user else groups.queryset.none()


class StaffAccountCreationForm(StaffAccountFormMixin, UserCreationForm):
    pass


class StaffAccountEditForm(StaffAccountFormMixin, UserEditForm):
    pass
