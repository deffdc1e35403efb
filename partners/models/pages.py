"""The public partner directory: a filterable list and one page per partner."""

from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from .partners import PartnerOrganisation


class PartnerDirectoryPage(RoutablePageMixin, Page):
    """Lists the published, active partners; ``<slug>/`` below it shows one partner."""

    intro = models.TextField(_("introduction"), blank=True)
    empty_text = models.CharField(
        _("text when nothing matches"),
        max_length=300,
        blank=True,
        help_text=_("Shown when the filters match no partner. A standard text is used if empty."),
    )
    per_page = 12

    parent_page_types = ["website.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("empty_text")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("partner directory page")
        verbose_name_plural = _("partner directory pages")

    @re_path(r"^$")
    def directory(self, request):
        from ..forms import DirectoryFilterForm  # the form module imports these models

        form = DirectoryFilterForm(request.GET or None)
        partners = form.filter(PartnerOrganisation.objects.public().in_locale())
        partners = partners.with_vocabularies()
        page_obj = Paginator(partners, self.per_page).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "form": form,
                "page_obj": page_obj,
                "partners": page_obj.object_list,
                "is_filtered": form.is_filtered(),
            },
        )

    @path("<slug:slug>/")
    def partner_detail(self, request, slug):
        partner = get_object_or_404(
            PartnerOrganisation.objects.public().in_locale().with_vocabularies(), slug=slug
        )
        return TemplateResponse(
            request,
            "partners/partner_detail.html",
            {
                "page": self,
                "self": self,
                "partner": partner,
                "directory_url": self.get_url(request),
            },
        )
