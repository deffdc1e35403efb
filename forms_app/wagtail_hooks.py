from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from . import audit
from .models import WizardFormPage
from .viewsets import SubmissionViewSet


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet()


@hooks.register("register_log_actions")
def register_forms_log_actions(actions):
    audit.register(actions)


def may_see_submissions(user) -> bool:
    """Everyone who may submit sees their own submissions; "view" shows everyone's."""
    return user.has_perm("forms_app.view_formsubmission") or user.has_perm(
        "forms_app.add_formsubmission"
    )


class SubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_submissions(request.user)


@hooks.register("register_admin_menu_item")
def register_submissions_menu_item():
    return SubmissionsMenuItem(
        _("Form submissions"), reverse("forms_app:index"), icon_name="form", order=250
    )


def _form_buttons(page, user):
    if not issubclass(page.specific_class or Page, WizardFormPage):
        return
    if may_see_submissions(user):
        yield PageMenuItem(
            _("Submissions"),
            reverse("forms_app:submissions", args=[page.pk]),
            icon_name="form",
            priority=35,
            page=page,
        )
    if page.permissions_for_user(user).can_edit():
        yield PageMenuItem(
            _("Export definition"),
            reverse("forms_app:definition_export", args=[page.pk]),
            icon_name="download",
            priority=36,
            page=page,
        )


@hooks.register("register_page_listing_more_buttons")
def form_page_listing_buttons(page, user, next_url=None):
    yield from _form_buttons(page, user)


@hooks.register("register_page_header_buttons")
def form_page_header_buttons(page, user, view_name, next_url=None):
    yield from _form_buttons(page, user)


@hooks.register("before_delete_page")
def confirm_deleting_submissions(request, page):
    """Deleting a form deletes its submissions (they cannot outlive it: the foreign key
    cascades), so first say how many, offer their export, and ask once more."""
    if request.method == "POST" and request.POST.get("forms_app_submissions") == "delete":
        return None
    forms = list(
        WizardFormPage.objects.descendant_of(page, inclusive=True).annotate(
            submission_count=Count("submissions")
        )
    )
    holding = [form for form in forms if form.submission_count]
    if not holding:
        return None
    return TemplateResponse(
        request,
        "forms_app/admin/confirm_form_delete.html",
        {
            "page_title": _("Delete %(title)s") % {"title": page.get_admin_display_title()},
            "header_icon": "warning",
            "page": page,
            "forms": holding,
            "total": sum(form.submission_count for form in holding),
            "next": request.GET.get("next") or request.POST.get("next", ""),
        },
    )
