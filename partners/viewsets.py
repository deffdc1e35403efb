"""The "Network" admin menu: partner organisations, their vocabularies and memberships."""

from functools import cached_property

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, LiveStatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .models import City, Language, PartnerMembership, PartnerOrganisation, Service, TargetGroup
from .resources import COLUMNS, PartnerResource, escape_formula


class PartnerIndexView(IndexView):
    """The partner listing: an Import button, and exports in the import's own columns."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.user_has_permission("add"):
            buttons.append(
                HeaderButton(_("Import"), url=reverse("partners_import"), icon_name="upload")
            )
        return buttons

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            # The spreadsheet is the source language's; translations live in wagtail-localize.
            queryset = queryset.filter(locale=Locale.get_default()).prefetch_related(
                "services", "target_groups", "languages", "cities"
            )
        return queryset

    def to_row_dict(self, item):
        """Every cell as the import reads it, formula-looking text escaped (CSV and XLSX)."""
        resource = PartnerResource()
        return {column: escape_formula(resource.fields[column].export(item)) for column in COLUMNS}


class PartnerViewSet(SnippetViewSet):
    model = PartnerOrganisation
    index_view_class = PartnerIndexView
    icon = "group"
    menu_label = _("Partners")
    menu_order = 100
    list_display = [
        "name",
        "short_name",
        "kind",
        BooleanColumn("active", label=_("Active"), sort_key="active"),
        LiveStatusTagColumn(),
    ]
    list_filter = ["services", "cities", "kind", "active"]
    list_export = COLUMNS
    export_headings = {column: column for column in COLUMNS}
    export_filename = "partners"
    inspect_view_enabled = True
    # Staff of every role may look partners up; the programme's notes stay in the edit form,
    # which only administrators open.
    inspect_view_fields_exclude = ["internal_notes"]
    copy_view_enabled = False


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class ServiceViewSet(VocabularyViewSet):
    model = Service
    icon = "tasks"
    menu_order = 200


class CityViewSet(VocabularyViewSet):
    model = City
    icon = "site"
    menu_order = 300


class TargetGroupViewSet(VocabularyViewSet):
    model = TargetGroup
    icon = "user"
    menu_order = 400


class LanguageViewSet(VocabularyViewSet):
    model = Language
    icon = "globe"
    menu_order = 500


class PartnerMembershipViewSet(ModelViewSet):
    """Administrators say which partner organisation a caseworker's account belongs to."""

    model = PartnerMembership
    name = "partner_memberships"
    url_prefix = "partners/memberships"
    icon = "link"
    menu_label = _("Memberships")
    menu_order = 600
    form_fields = ["user", "partner"]
    list_display = ["user", "partner", "created_at"]
    list_filter = ["partner"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "partner__name"]
    search_backend_name = None
    add_to_admin_menu = False


class NetworkViewSetGroup(ViewSetGroup):
    menu_label = _("Network")
    menu_icon = "group"
    menu_order = 250
    items = (
        PartnerViewSet,
        ServiceViewSet,
        CityViewSet,
        TargetGroupViewSet,
        LanguageViewSet,
        PartnerMembershipViewSet,
    )
