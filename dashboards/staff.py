"""Staff dashboards: exact numbers over the cases the signed-in user may see.

Why a page option and not a separate admin view: a staff dashboard is composed, previewed,
translated, moderated and published like any other ``DashboardPage``, with the same chart block
and its live preview, so programme administrators need nothing new to learn. The option
``audience = staff`` then changes how the page is served, wherever it is asked for:

- the page answers only signed-in users (others go to the login), whatever its privacy
  setting, and never to a cache (``Cache-Control: private, no-store``);
- its numbers are counted over ``Case.objects.visible_to(user)`` (the one rule of who sees a
  case: a case manager their city's and own cases, a partner caseworker the cases transferred
  to their organisation and accepted; everyone else none) and not suppressed;
- it is left out of the API, the open-data CSV, the sitemap and the public CSV downloads; its
  own chart CSV (``staff_chart_csv``) answers the same users with the same numbers and is
  logged in Wagtail's audit log as an export.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.admin.ui.components import Component
from wagtail.log_actions import log

EXPORT_ACTION = "dashboards.staff_csv"


@dataclass(frozen=True)
class Scope:
    """The cases a staff dashboard counts, and the cache key that names them."""

    cases: object  # a ``Case`` queryset
    key: str


def scope_for(user) -> Scope:
    """The cases ``user`` may see. The key changes with the user's roles, city and partner,
    so a changed role never reads numbers cached under the old one."""
    from casework.models import Case
    from casework.models.cases import managed_city_of, partner_of, role_names

    if not getattr(user, "is_authenticated", False):
        return Scope(Case.objects.none(), "nobody")
    facts = (user.pk, sorted(role_names(user)), managed_city_of(user), partner_of(user))
    digest = hashlib.sha256(repr(facts).encode()).hexdigest()[:24]
    return Scope(Case.objects.visible_to(user), f"user:{digest}")


def register_log_actions(actions) -> None:
    actions.register_action(EXPORT_ACTION, _("Export figures"), _("Downloaded a staff chart (CSV)"))


def _staff_page(page_id: int):
    from .models import DashboardPage

    page = DashboardPage.objects.live().staff().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


@never_cache
@login_required
def staff_chart_csv(request, page_id: int, index: int):
    """One chart of a staff dashboard as CSV: the exact numbers the user sees on the page."""
    from . import charts
    from .charting import page_charts
    from .views import csv_response

    page = _staff_page(page_id)
    language = page.locale.language_code
    with translation.override(language):
        results = page_charts(page, request)
        if not 0 <= index < len(results) or results[index].error:
            raise Http404
        shown = charts.present(results[index].value, results[index].tables)
        rows = shown.csv_rows()
    log(page, EXPORT_ACTION, user=request.user, data={"chart": index, "title": shown.title})
    response = csv_response(rows, slugify(shown.title) or f"chart-{index + 1}", language)
    response["Cache-Control"] = "private, no-store"
    return response


class StaffDashboardsPanel(Component):
    """The admin home's list of staff dashboards, for those who see cases."""

    name = "dashboards_staff"
    template_name = "dashboards/admin/staff_panel.html"
    order = 70

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        return {"pages": self.pages}


def staff_panel_for(request) -> Component | None:
    from wagtail.models import Locale

    from casework.models.cases import is_case_manager, partner_of

    from .models import DashboardPage

    user = request.user
    if not (is_case_manager(user) or partner_of(user) is not None):
        return None
    pages = DashboardPage.objects.live().staff().order_by("path")
    try:
        locale = Locale.get_active()
        localised = pages.filter(locale=locale)
        pages = localised if localised.exists() else pages
    except Locale.DoesNotExist:
        pass
    pages = list(pages)
    return StaffDashboardsPanel(pages) if pages else None
