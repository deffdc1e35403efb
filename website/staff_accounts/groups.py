"""Wagtail's group admin with each role's translated name in its listing (groups are named in
English once, in ``website.roles``; Wagtail's listing shows the raw name)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.views import groups

from .forms import role_label


class RoleGroupIndexView(groups.IndexView):
    columns = [
        TitleColumn(
            "name",
            label=_("Name"),
            accessor=role_label,
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]


class RoleGroupViewSet(groups.GroupViewSet):
    index_view_class = RoleGroupIndexView
