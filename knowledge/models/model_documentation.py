"""The documentation of the Netzwerk Partizipation model, for a city that wants to copy it."""

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from dashboards.blocks import ChartBlock
from website.localization import localize_all

from ..blocks import (
    RICH_TEXT_FEATURES,
    ContentStreamBlock,
    FactBoxBlock,
    FormLinkBlock,
    StepsBlock,
    TextBlock,
)
from ..serializers import NetworkPartnerSerializer
from .entries import ENTRY_PANEL, KnowledgeEntryPage


class ProcessStreamBlock(blocks.StreamBlock):
    steps = StepsBlock(label=_("numbered steps"))
    text = TextBlock(label=_("text"), features=RICH_TEXT_FEATURES)


class FormsStreamBlock(blocks.StreamBlock):
    form = FormLinkBlock(label=_("form"))


class ResultsStreamBlock(blocks.StreamBlock):
    chart = ChartBlock()
    facts = FactBoxBlock(label=_("fact box"))
    text = TextBlock(label=_("text"), features=RICH_TEXT_FEATURES)


class ModelDocumentationPage(KnowledgeEntryPage):
    """The problem, the network, the process step by step, the forms, the results and what a
    city needs to start."""

    problem = RichTextField(_("the problem"), features=RICH_TEXT_FEATURES)
    network = RichTextField(
        _("the network"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "How the partners work together; the partners themselves come from the "
            "partner directory."
        ),
    )
    process = StreamField(ProcessStreamBlock(), verbose_name=_("the process"), blank=True)
    forms_used = StreamField(FormsStreamBlock(), verbose_name=_("forms used"), blank=True)
    results = StreamField(ResultsStreamBlock(), verbose_name=_("results"), blank=True)
    getting_started = RichTextField(
        _("what another city needs to start"), features=RICH_TEXT_FEATURES, blank=True
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("further material"), blank=True)

    template = "knowledge/model_documentation_page.html"

    content_panels = [
        *KnowledgeEntryPage.content_panels,
        ENTRY_PANEL,
        FieldPanel("problem"),
        FieldPanel("network"),
        InlinePanel("network_partners", heading=_("Network partners (from the directory)")),
        FieldPanel("process"),
        FieldPanel("forms_used"),
        FieldPanel("results"),
        FieldPanel("getting_started"),
        FieldPanel("body"),
    ]

    search_fields = [
        *KnowledgeEntryPage.search_fields,
        index.SearchField("problem"),
        index.SearchField("network"),
        index.SearchField("process"),
        index.SearchField("results"),
        index.SearchField("getting_started"),
        index.SearchField("body"),
    ]

    api_fields = [
        *KnowledgeEntryPage.api_fields,
        APIField("problem"),
        APIField("network"),
        APIField(
            "network_partners",
            serializer=NetworkPartnerSerializer(many=True, source="public_network_partners"),
        ),
        APIField("process"),
        APIField("forms_used"),
        APIField("results"),
        APIField("getting_started"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("model documentation")
        verbose_name_plural = _("model documentation pages")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["network_partners"] = self.public_network_partners
        context["forms_used_links"] = self.forms_used_links()
        return context

    def forms_used_links(self) -> list[dict]:
        """Each form used with its own downloads: per language, the blank form to print and the
        definition to import, site-relative, from the form page it names (when that page shares
        its definition); otherwise the page itself or the address given."""
        links = []
        for block in self.forms_used:
            value = block.value
            page = value.get("page")
            page = page.specific if page is not None and page.live else None
            links.append(
                {
                    "title": value.get("title"),
                    "purpose": value.get("purpose"),
                    "url": page.localized.url if page is not None else value.get("url") or "",
                    "external": page is None,
                    "downloads": shared_form_downloads(page) if page is not None else [],
                }
            )
        return links

    @property
    def public_network_partners(self) -> list:
        """The network's partners as the directory has them now: published, active ones only."""
        from partners.models import PartnerOrganisation

        public = PartnerOrganisation.objects.public()
        links = self.network_partners.filter(partner__in=public).select_related("partner")
        return localize_all((link.partner for link in links), self.locale)


def shared_form_downloads(page) -> list[dict]:
    """The printable form and definition of ``page`` per language it is published in, found by
    the form engine's URL names (this app does not import the engine)."""
    if not getattr(page, "share_definition", False):
        return []
    live = {page.locale.language_code}
    live.update(page.get_translations().live().values_list("locale__language_code", flat=True))
    downloads = []
    for code, name in settings.LANGUAGES:
        if code not in live:
            continue
        try:
            print_url = reverse("forms_public:printable", args=[page.pk, code])
            definition_url = reverse("forms_public:definition_in", args=[page.pk, code])
        except NoReverseMatch:
            return []
        downloads.append(
            {"language": code, "name": name, "print": print_url, "definition": definition_url}
        )
    return downloads


class ModelNetworkPartner(Orderable):
    """A partner of the network, chosen from the directory so its name and role stay current."""

    page = ParentalKey(
        ModelDocumentationPage, on_delete=models.CASCADE, related_name="network_partners"
    )
    partner = models.ForeignKey(
        "partners.PartnerOrganisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("partner organisation"),
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("network partner")
        verbose_name_plural = _("network partners")
