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


def _apply_chosen_audience(request, page):
    """Apply "who may fill this form" as chosen in the editor (before publishing, so the form is
    never live with the wrong privacy)."""
    chosen = getattr(page, "_forms_app_audience", None)
    if chosen is not None:
        from .builder import apply_audience

        apply_audience(page, *chosen)
        del page._forms_app_audience


hooks.register("before_publish_page", _apply_chosen_audience)
hooks.register("after_create_page", _apply_chosen_audience)
hooks.register("after_edit_page", _apply_chosen_audience)


@hooks.register("insert_editor_js")
def builder_js():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<script src="{}" defer></script>', static("forms_app/js/builder.js"))


@hooks.register("insert_global_admin_css")
def builder_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("forms_app/css/builder.css"))


@hooks.register("construct_explorer_page_queryset")
def annotate_form_audience(parent_page, pages, request):
    """Each listed page's own view restriction, read in the listing's one query, so the row of a
    form can say who may fill it without a query per row."""
    from django.db.models import OuterRef, Subquery

    from wagtail.models import PageViewRestriction

    own = PageViewRestriction.objects.filter(page_id=OuterRef("pk")).values("restriction_type")
    return pages.annotate(forms_app_restriction=Subquery(own[:1]))


@hooks.register("register_page_listing_buttons")
def form_audience_button(page, user, next_url=None):
    """ "Who may fill: Staff only" on a form's row, linking to the setting in the editor."""
    from wagtail.admin.widgets.button import ListingButton
    from wagtail.models import PageViewRestriction

    from .builder import Audience, audience_of

    if not hasattr(page, "forms_app_restriction"):
        return
    if not issubclass(page.specific_class or Page, WizardFormPage):
        return
    restriction_type = page.forms_app_restriction
    restriction = (
        PageViewRestriction(restriction_type=restriction_type) if restriction_type else None
    )
    label = Audience.LABELS[audience_of(restriction)]
    yield ListingButton(
        _("Who may fill: %(audience)s") % {"audience": label},
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        icon_name="view" if restriction is None else "no-view",
        priority=5,
    )


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
