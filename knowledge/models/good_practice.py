"""A good idea in integration from one city, written up so another city can adopt it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from website.localization import localize_all

from ..blocks import ContentStreamBlock
from ..serializers import OrganisationSerializer
from .entries import ENTRY_PANEL, KnowledgeEntryPage


class OrganisationRole(models.TextChoices):
    HOST = "host", _("Host organisation")
    PARTNER = "partner", _("Partner organisation")


class GoodPracticePage(KnowledgeEntryPage):
    """Like a Cities of Migration "Good Idea": where, who, a standfirst, a pull quote, the
    narrative, and why it was chosen (practical, innovative, successful, transferable)."""

    city = models.CharField(_("city"), max_length=100, db_index=True)
    country = models.CharField(_("country"), max_length=100, db_index=True)
    pull_quote = models.TextField(_("pull quote"), max_length=400, blank=True)
    pull_quote_attribution = models.CharField(
        _("pull quote attribution"), max_length=200, blank=True
    )
    practical = models.TextField(_("practical"), max_length=600, blank=True)
    innovative = models.TextField(_("innovative"), max_length=600, blank=True)
    successful = models.TextField(_("successful"), max_length=600, blank=True)
    transferable = models.TextField(_("transferable"), max_length=600, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    template = "knowledge/good_practice_page.html"

    content_panels = [
        *KnowledgeEntryPage.content_panels,
        ENTRY_PANEL,
        InlinePanel("organisations", heading=_("Host and partner organisations"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("pull_quote"), FieldPanel("pull_quote_attribution")],
            heading=_("Pull quote"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("practical"), FieldPanel("innovative")]),
                FieldRowPanel([FieldPanel("successful"), FieldPanel("transferable")]),
            ],
            heading=_("Why it was chosen"),
        ),
        FieldPanel("body"),
        InlinePanel("contacts", heading=_("Contacts")),
        InlinePanel("resources", heading=_("Resources")),
    ]

    search_fields = [
        *KnowledgeEntryPage.search_fields,
        index.SearchField("pull_quote"),
        index.SearchField("practical"),
        index.SearchField("innovative"),
        index.SearchField("successful"),
        index.SearchField("transferable"),
        index.SearchField("body"),
        index.RelatedFields("organisations", [index.SearchField("name")]),
    ]

    api_fields = [
        *KnowledgeEntryPage.api_fields,
        APIField(
            "organisations",
            serializer=OrganisationSerializer(many=True, source="public_organisations"),
        ),
        APIField("pull_quote"),
        APIField("pull_quote_attribution"),
        APIField("practical"),
        APIField("innovative"),
        APIField("successful"),
        APIField("transferable"),
        APIField("body"),
        APIField("contacts"),
        APIField("resources"),
    ]

    class Meta:
        verbose_name = _("good-practice page")
        verbose_name_plural = _("good-practice pages")

    @property
    def public_organisations(self) -> list["GoodPracticeOrganisation"]:
        """Organisations the public may see: named freely, or a live, active directory entry."""
        return [org for org in self.organisations.all() if org.display_name]

    @property
    def contact_partners(self) -> list:
        """The directory entries whose contact details the contact box gives: the host
        organisations' (the partners are linked under "Who"), or every one if no host is."""
        listed = [(org.role, org.public_partner) for org in self.organisations.all()]
        listed = [(role, partner) for role, partner in listed if partner is not None]
        hosts = [partner for role, partner in listed if role == OrganisationRole.HOST]
        return hosts or [partner for _role, partner in listed]

    @property
    def criteria(self) -> list[tuple[str, str]]:
        """The four reasons for choosing it that are filled in, with their labels."""
        fields = ["practical", "innovative", "successful", "transferable"]
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in fields
            if getattr(self, name)
        ]


class GoodPracticeOrganisation(Orderable):
    """The host or a partner of a good practice, named freely when outside the directory."""

    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="organisations")
    role = models.CharField(
        _("role"), max_length=20, choices=OrganisationRole.choices, default=OrganisationRole.HOST
    )
    partner = models.ForeignKey(
        "partners.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("partner from the directory"),
    )
    name = models.CharField(
        _("or name"),
        max_length=200,
        blank=True,
        help_text=_("For an organisation that is not in the partner directory."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Only for an organisation named freely.")
    )

    panels = [FieldPanel("role"), FieldPanel("partner"), FieldPanel("name"), FieldPanel("website")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        if bool(self.partner_id) == bool(self.name.strip()):
            raise ValidationError(
                _("Choose a partner from the directory or name the organisation, not both.")
            )

    @property
    def public_partner(self):
        """The directory entry, if the public may see it (published and active)."""
        partner = self.partner
        if partner is not None and partner.live and partner.active:
            return localize_all([partner], self.page.locale)[0]
        return None

    @property
    def display_name(self) -> str:
        partner = self.public_partner
        return partner.name if partner is not None else self.name


class GoodPracticeContact(Orderable):
    """The office responsible for the practice: an office, never a private person."""

    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="contacts")
    office = models.CharField(_("office"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("office"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("website"),
    ]
    api_fields = [APIField("office"), APIField("email"), APIField("phone"), APIField("website")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")


class GoodPracticeResource(Orderable):
    """Further reading: a link or a document of this site."""

    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("document")]
    api_fields = [APIField("title"), APIField("href")]

    class Meta(Orderable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self) -> None:
        if not self.url and not self.document_id:
            raise ValidationError(_("Give an address or choose a document."))

    @property
    def href(self) -> str:
        """Where the resource is; empty once its document was deleted and no address is left."""
        if self.document is not None:
            return self.document.url
        return self.url
