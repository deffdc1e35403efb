"""The site's shell: the home page every locale's tree starts from, and plain content pages
(Impressum, Datenschutz, about) that belong to no feature app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import HomeStreamBlock
from .sanitise import clean_rich_text
from .site_settings import SiteIdentity

__all__ = ["ContentPage", "HomePage", "SiteIdentity"]


class HomePage(Page):
    """The root of each language's page tree.

    Its ``subpage_types`` stay open on purpose: the page types of the feature apps name
    ``website.HomePage`` in their own ``parent_page_types``, so the shell never imports them.
    """

    standfirst = models.CharField(
        _("mission"),
        max_length=300,
        blank=True,
        help_text=_("What the network does, in one sentence, shown large under the title."),
    )
    body = StreamField(
        HomeStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Key figures, entry points into the site and text, in any order."),
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("standfirst"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    def clean(self) -> None:
        super().clean()
        clean_rich_text(self)

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class ContentPage(Page):
    """A page of text: the Impressum, the privacy notice, an "about us"."""

    standfirst = models.CharField(_("standfirst"), max_length=300, blank=True)
    body = RichTextField(
        _("body"),
        blank=True,
        features=["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"],
    )

    parent_page_types = ["website.HomePage", "website.ContentPage"]
    subpage_types = ["website.ContentPage"]

    content_panels = [*Page.content_panels, FieldPanel("standfirst"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    def clean(self) -> None:
        super().clean()
        clean_rich_text(self)

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
