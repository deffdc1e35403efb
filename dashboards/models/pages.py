"""Dashboard pages: charts of the programme's results, composed in the editor."""

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import DashboardStreamBlock


class DashboardPage(Page):
    """A page of charts and text, e.g. the public "Results". Small counts are hidden on it, in its
    CSV downloads and in the API, across all of its charts together."""

    standfirst = models.CharField(
        _("standfirst"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the title: what these figures are about."),
    )
    body = StreamField(DashboardStreamBlock(), verbose_name=_("charts and text"), blank=True)

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "dashboards/dashboard_page.html"

    content_panels = [*Page.content_panels, FieldPanel("standfirst"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    api_fields = [APIField("standfirst"), APIField("body")]

    class Meta:
        verbose_name = _("dashboard page")
        verbose_name_plural = _("dashboard pages")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from django.urls import reverse

        context = super().get_context(request, *args, **kwargs)
        if self.pk and self.live and not getattr(request, "is_preview", False):
            context["open_data_url"] = reverse("dashboards:open_data_csv", args=[self.pk])
        return context
