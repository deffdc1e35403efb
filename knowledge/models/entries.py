"""What every entry of the knowledge base shares: where, when, what about, and how it is shared."""

from django import forms
from django.db import models
from django.http import HttpRequest
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField

from website.localization import localize_all
from website.sanitise import clean_rich_text

from ..partner_links import partner_directory_url
from ..serializers import ThemeSerializer

ENTRY_PANEL = MultiFieldPanel(
    [
        FieldPanel("standfirst"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("city"), FieldPanel("country")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("image"),
    ],
    heading=_("Listing"),
)


class KnowledgeEntryPage(Page):
    """An entry listed, filtered and fed by the knowledge index: a good practice, the model
    documentation or a news item. Abstract: each kind keeps its own table."""

    date = models.DateField(_("date"), help_text=_("When it happened or was written up."))
    standfirst = models.CharField(
        _("standfirst"), max_length=300, help_text=_("One sentence that says what it is about.")
    )
    city = models.CharField(_("city"), max_length=100, blank=True, db_index=True)
    country = models.CharField(_("country"), max_length=100, blank=True, db_index=True)
    themes = ParentalManyToManyField(
        "knowledge.Theme", blank=True, related_name="+", verbose_name=_("themes")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("Shown in listings and when the page is shared."),
    )

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=1.5),
        index.SearchField("city"),
        index.SearchField("country"),
        index.FilterField("date"),
        index.FilterField("city"),
        index.FilterField("country"),
    ]

    api_fields = [
        APIField("date"),
        APIField("standfirst"),
        APIField("city"),
        APIField("country"),
        APIField("themes", serializer=ThemeSerializer(many=True, source="localized_themes")),
        APIField("image", serializer=ImageRenditionField("fill-1200x630")),
    ]

    # Themes are structure: translations keep the source's (wagtail-localize skips M2M fields
    # unless told), and show their names in the page's language.
    override_translatable_fields = [SynchronizedField("themes", overridable=False)]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        clean_rich_text(self)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["partner_directory_url"] = partner_directory_url(self.locale, request)
        return context

    @property
    def localized_themes(self) -> list:
        return localize_all(self.themes.all(), self.locale)

    @property
    def kind_label(self) -> str:
        """What kind of entry this is, as a listing card says it."""
        return capfirst(self._meta.verbose_name)

    @property
    def share_description(self) -> str:
        return self.search_description or self.standfirst
