"""What each site says about who runs it: name, logo, share image and the footer's legal pages.

One row per site (a city running its own installation names itself here). The footer links
point at pages, not URLs, so they follow the visitor's language: each link shows the chosen
page's translation in the current locale when there is one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=120,
        default="PartizipationPlus",
        help_text=_("Shown beside the logo and in the footer."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the PartizipationPlus logo. SVG or PNG, shown 48 pixels high."),
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page is shared on social media; 1200 × 630 pixels work best."),
    )
    imprint_page = models.ForeignKey(
        Page,
        verbose_name=_("Impressum (imprint) page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        Page,
        verbose_name=_("Datenschutz (privacy) page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        Page,
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("logo"), FieldPanel("share_image")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("imprint_page"), FieldPanel("privacy_page"), FieldPanel("contact_page")],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")

    def footer_pages(self) -> list[Page]:
        """The footer's pages in the current language where translated, live ones only."""
        chosen = [self.imprint_page, self.privacy_page, self.contact_page]
        pages = [page.localized for page in chosen if page is not None]
        return [page for page in pages if page.live]
