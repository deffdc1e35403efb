from django.core.exceptions import PermissionDenied

from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.users.views import users

from .forms import StaffAccountCreationForm, StaffAccountEditForm


class AccountPermissionMixin:
    """Refuse the whole view (GET and POST) unless the policy allows ``account_action`` on
    this account, so a password or role cannot be changed by posting to it either."""

    account_action = None

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance(self.account_action, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ForUserFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class IndexView(users.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)


class CreateView(ForUserFormMixin, users.CreateView):
    pass


class CopyView(CopyViewMixin, CreateView):
    pass


class EditView(AccountPermissionMixin, ForUserFormMixin, users.EditView):
    account_action = "change"


class DeleteView(AccountPermissionMixin, users.DeleteView):
    account_action = "delete"


class StaffUserViewSet(users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    copy_view_class = CopyView
    edit_view_class = EditView
    delete_view_class = DeleteView
    create_template_name = "website/staff_accounts/create.html"

    def get_form_class(self, for_update=False):
        return StaffAccountEditForm if for_update else StaffAccountCreationForm
