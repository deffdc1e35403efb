from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import audit
from .models.cases import is_case_manager
from .panels import panels_for
from .viewsets import CaseManagerCityViewSet, CaseViewSet


@hooks.register("register_admin_viewset")
def register_case_viewset():
    return CaseViewSet()


@hooks.register("register_admin_viewset")
def register_case_manager_city_viewset():
    return CaseManagerCityViewSet()


@hooks.register("register_log_actions")
def register_casework_log_actions(actions):
    audit.register(actions)


@hooks.register("construct_homepage_panels")
def add_casework_panels(request, panels):
    panels.extend(panels_for(request.user))


class NewCaseMenuItem(MenuItem):
    def is_shown(self, request):
        return is_case_manager(request.user)


@hooks.register("register_admin_menu_item")
def register_new_case_menu_item():
    return NewCaseMenuItem(_("New case"), reverse("casework:add"), icon_name="plus", order=151)
