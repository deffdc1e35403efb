"""Dashboard pages: charts of the programme's results, composed in the editor."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from website.sanitise import clean_rich_text

from ..blocks import DashboardStreamBlock


class Audience(models.TextChoices):
    PUBLIC = "public", _("Public: small counts hidden, in the API and open data")
    STAFF = "staff", _("Staff: exact numbers of the cases each signed-in reader may see")


class DashboardPageQuerySet(PageQuerySet):
    def staff(self) -> "DashboardPageQuerySet":
        return self.filter(audience=Audience.STAFF)

    def for_everyone(self) -> "DashboardPageQuerySet":
        return self.filter(audience=Audience.PUBLIC)


def without_staff_dashboards(pages):
    """``pages`` (any page queryset) without the staff dashboards, e.g. for the pages API."""
    return pages.exclude(pk__in=DashboardPage.objects.staff().values("pk"))


class DashboardPage(Page):
    """A page of charts and text, e.g. the public "Results". Small counts are hidden on it, in its
    CSV downloads and in the API, across all of its charts together.

    A staff dashboard (``audience``) shows exact numbers instead, to signed-in staff only, over
    the cases each of them may see; see ``dashboards.staff``."""

    standfirst = models.CharField(
        _("standfirst"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the title: what these figures are about."),
    )
    body = StreamField(DashboardStreamBlock(), verbose_name=_("charts and text"), blank=True)
    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_(
            "A staff dashboard is shown only after signing in, never in the API or open data, "
            "and counts for each reader only the cases they may see, exactly."
        ),
    )

    objects = PageManager.from_queryset(DashboardPageQuerySet)()

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "dashboards/dashboard_page.html"

    content_panels = [*Page.content_panels, FieldPanel("standfirst"), FieldPanel("body")]
    settings_panels = [FieldPanel("audience"), *Page.settings_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("audience"),
    ]

    api_fields = [APIField("standfirst"), APIField("body")]

    class Meta:
        verbose_name = _("dashboard page")
        verbose_name_plural = _("dashboard pages")

    def clean(self) -> None:
        super().clean()
        clean_rich_text(self)  # the text blocks, also when written by code (the demo, imports)

    @property
    def for_staff(self) -> bool:
        return self.audience == Audience.STAFF

    def serve(self, request: HttpRequest, *args, **kwargs):
        if self.for_staff and not request.user.is_authenticated:
            login_url = resolve_url(settings.WAGTAIL_FRONTEND_LOGIN_URL)
            return redirect_to_login(request.get_full_path(), login_url)
        response = super().serve(request, *args, **kwargs)
        if self.for_staff:
            patch_cache_control(response, private=True, no_store=True)
        return response

    def get_sitemap_urls(self, request=None):
        return [] if self.for_staff else super().get_sitemap_urls(request)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from django.urls import reverse

        from ..charting import page_charts

        context = super().get_context(request, *args, **kwargs)
        page_charts(self, request)  # the charts' numbers, for this reader
        is_preview = getattr(request, "is_preview", False)
        if self.pk and self.live and not is_preview and not self.for_staff:
            context["open_data_url"] = reverse("dashboards:open_data_csv", args=[self.pk])
        return context
