"""The casework admin: "My cases", opening and editing a case, and the case's own screens.

One viewset holds every casework URL (namespace ``casework``); the generic add/edit/delete/
history views Wagtail would add for any model are left out on purpose: a person's data is
changed only through the screens below, each of which goes through ``visible_to``.
"""

from functools import cached_property

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from . import access, audit, services
from .filters import CaseFilterSet
from .forms import CaseForm
from .models import Case, CaseManagerProfile, Transfer
from .models.cases import is_case_manager, managed_city_of, visibility_rules
from .models.transfers import OPEN_STATES
from .paging import RulewisePaginator
from .views import actions, case, importing, printing, privacy


class DayColumn(Column):
    """A date as a date (Wagtail's ``DateColumn`` shows "9 hours ago", wrong for due dates)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "SHORT_DATE_FORMAT") if value else "–"


class MyCasesView(IndexView):
    """The cases the user sees, with the next due date and the partner of the open transfer."""

    page_title = _("My cases")
    search_fields = ["number", "first_name", "last_name"]
    search_backend_name = None
    default_ordering = "next_due"
    paginator_class = RulewisePaginator

    def with_columns(self, queryset):
        partner = Transfer.objects.filter(case=OuterRef("pk"), state__in=OPEN_STATES).values(
            "partner__name"
        )[:1]
        return queryset.annotate(partner_name=Subquery(partner)).select_related("city")

    def get_base_queryset(self):
        return self.with_columns(Case.objects.visible_to(self.request.user))

    @property
    def columns(self):
        columns = [
            self._get_title_column("number"),
            StatusTagColumn(
                "get_status_display",
                label=_("status"),
                sort_key="status",
                primary=lambda case: not case.is_closed,
            ),
            Column("city", label=_("city")),
            Column("partner_name", label=_("partner organisation")),
            DayColumn("next_due", label=_("next due"), sort_key="next_due"),
            DayColumn("date_of_entry", label=_("date of entry"), sort_key="date_of_entry"),
        ]
        if is_case_manager(self.request.user):
            # Partners' lists show the pseudonymous number only.
            columns.insert(1, Column("full_name", label=_("name"), sort_key="last_name"))
        return columns

    def order_queryset(self, queryset):
        """Cases with nothing due sort after every due date, whichever the direction."""
        if self.ordering in ("next_due", "-next_due"):
            field = F("next_due")
            direction = field.desc if self.ordering.startswith("-") else field.asc
            return queryset.order_by(direction(nulls_last=True), "number")
        return super().order_queryset(queryset)

    def get_paginator(self, queryset, per_page, **kwargs):
        """Counted and paged one visibility rule at a time (see ``casework.paging``), unless a
        partner is chosen: then the list is that partner's few open transfers, read from an
        index, and the plain query driven from them is quicker than one query for each rule."""
        if self._partner_chosen():
            return WagtailPaginator(queryset, per_page, **kwargs)
        rules = [
            (rule, self.search_queryset(self.filter_queryset(Case.objects.filter(rule))))
            for rule in visibility_rules(self.request.user)
        ]
        rows = self.with_columns(Case.objects.all())
        return self.paginator_class(queryset, per_page, rules=rules, rows=rows, **kwargs)

    def _partner_chosen(self) -> bool:
        filters = self.filters
        return bool(filters and filters.is_valid() and filters.form.cleaned_data.get("partner"))

    def get_edit_url(self, instance):
        return reverse("casework:case", args=[instance.pk])

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if is_case_manager(self.request.user):
            url = reverse("casework:import")
            buttons.append(HeaderButton(_("Import"), url=url, icon_name="upload"))
        return buttons

    def get_list_buttons(self, instance):
        return []


class CaseCreateView(CreateView):
    """Open a case: the number is given by ``services.open_case``; case managers only (a
    superuser holds the permission but is no case manager and would not see the case)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_case_manager(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"city": managed_city_of(self.request.user), "date_of_entry": timezone.localdate()}

    def save_instance(self):
        data = dict(self.form.cleaned_data)
        with audit.request_context(self.request):
            return services.open_case(
                manager=self.request.user,
                city=data.pop("city"),
                today=timezone.localdate(),
                languages=data.pop("languages"),
                **data,
            )

    def log_action(self, instance):
        """Logged by the service already."""

    def get_success_url(self):
        return reverse("casework:case", args=[self.object.pk])


class CaseEditView(EditView):
    """Change the person's details of a case the user manages and that is open."""

    def get_object(self, queryset=None):
        case_ = get_object_or_404(Case.objects.visible_to(self.request.user), pk=self.kwargs["pk"])
        if not access.manages(self.request.user, case_):
            raise PermissionDenied
        return case_

    def save_instance(self):
        data = dict(self.form.cleaned_data)
        city = data.pop("city")
        with audit.request_context(self.request):
            instance = services.update_case(
                Case.objects.get(pk=self.object.pk),
                user=self.request.user,
                languages=data.pop("languages"),
                **data,
            )
            if city != instance.city:
                instance.city = city
                instance.save(update_fields=["city"])
        return instance

    def form_valid(self, form):
        self.form = form
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)

    def log_action(self, instance):
        """Logged by the service already."""

    def get_success_url(self):
        return reverse("casework:case", args=[self.object.pk])

    # Left out of this viewset on purpose (see the module docstring).
    def get_copy_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_history_url(self):
        return None

    def get_inspect_url(self):
        return None

    def get_usage_url(self):
        return None


class CaseManagerCityViewSet(ModelViewSet):
    """Administrators say which city a case manager works for (what they see follows)."""

    model = CaseManagerProfile
    name = "casework_manager_cities"
    url_prefix = "case-manager-cities"
    icon = "site"
    menu_label = _("Case managers' cities")
    add_to_settings_menu = True
    form_fields = ["user", "city"]
    list_display = ["user", "city"]
    list_filter = ["city"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    search_backend_name = None
    copy_view_enabled = False


class CaseViewSet(ModelViewSet):
    model = Case
    name = "casework"
    url_prefix = "cases"
    icon = "folder-open-inverse"
    menu_label = _("My cases")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = MyCasesView
    add_view_class = CaseCreateView
    edit_view_class = CaseEditView
    filterset_class = CaseFilterSet
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return CaseForm

    def get_urlpatterns(self):
        case_path = "<int:pk>/"
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("import/", importing.CaseImportView.as_view(), name="import"),
            path(
                "import/template.xlsx",
                importing.CaseImportTemplateView.as_view(),
                name="import_template",
            ),
            path(f"{case_path}edit/", self.edit_view, name="edit"),
            path(case_path, case.CasePageView.as_view(), name="case"),
            path(f"{case_path}plan/", actions.PlanView.as_view(), name="plan"),
            path(f"{case_path}plan/print/", printing.PrintPlanView.as_view(), name="print_plan"),
            path(f"{case_path}transfer/", actions.TransferView.as_view(), name="transfer"),
            path(
                f"{case_path}transfer/<int:transfer>/print/",
                printing.PrintTransferView.as_view(),
                name="print_transfer",
            ),
            path("transfers/<int:pk>/answer/", actions.DecisionView.as_view(), name="answer"),
            path(
                f"{case_path}exchange/<int:exchange>/",
                actions.ExchangeView.as_view(),
                name="exchange",
            ),
            path(
                f"{case_path}conference/<int:conference>/",
                actions.ConferenceView.as_view(),
                name="conference",
            ),
            path(
                f"{case_path}employability/",
                actions.EmployabilityView.as_view(),
                name="employability",
            ),
            path(f"{case_path}training/", actions.TrainingView.as_view(), name="training"),
            path(f"{case_path}placement/", actions.PlacementView.as_view(), name="placement"),
            path(f"{case_path}close/", actions.CloseView.as_view(), name="close"),
            path(f"{case_path}reopen/", actions.ReopenView.as_view(), name="reopen"),
            path(f"{case_path}export/", privacy.ExportView.as_view(), name="export"),
            path(f"{case_path}export.json", privacy.ExportJsonView.as_view(), name="export_json"),
            path(f"{case_path}anonymise/", privacy.AnonymiseView.as_view(), name="anonymise"),
        ]
