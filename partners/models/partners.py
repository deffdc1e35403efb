"""Partner organisations of the network and the people to contact there."""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from website.localization import TranslatableQuerySet

from ..serializers import ContactPersonSerializer, LocaleField, VocabularySerializer

VOCABULARY_FIELDS = ("services", "target_groups", "languages", "cities")


class PartnerOrganisationQuerySet(TranslatableQuerySet):
    def active(self) -> "PartnerOrganisationQuerySet":
        """Partners still working in the network (deactivated ones keep their history)."""
        return self.filter(active=True)

    def public(self) -> "PartnerOrganisationQuerySet":
        """What the public directory and the API may show: published and active."""
        return self.filter(live=True, active=True)

    # Vocabulary entries are matched by translation group, so any language's row of an entry
    # finds the partners pointing at its source row.
    def offering(self, service) -> "PartnerOrganisationQuerySet":
        return self.filter(services__translation_key=service.translation_key)

    def in_city(self, city) -> "PartnerOrganisationQuerySet":
        return self.filter(cities__translation_key=city.translation_key)

    def speaking(self, language) -> "PartnerOrganisationQuerySet":
        return self.filter(languages__translation_key=language.translation_key)

    def serving(self, target_group) -> "PartnerOrganisationQuerySet":
        return self.filter(target_groups__translation_key=target_group.translation_key)

    def matching(self, text: str) -> "PartnerOrganisationQuerySet":
        """Partners whose names, descriptions or role mention every word of ``text``."""
        queryset = self
        for word in text.split():
            queryset = queryset.filter(
                models.Q(name__icontains=word)
                | models.Q(short_name__icontains=word)
                | models.Q(description__icontains=word)
                | models.Q(network_role__icontains=word)
            )
        return queryset

    def with_vocabularies(self, locale=None) -> "PartnerOrganisationQuerySet":
        """Fetch every list a directory card shows, named in ``locale`` (default: the active
        language), in a fixed number of queries."""
        return self.select_related("logo", "locale").prefetch_related(
            *(
                models.Prefetch(
                    name,
                    self.model._meta.get_field(name).related_model.objects.with_localized(
                        "name", locale=locale
                    ),
                )
                for name in VOCABULARY_FIELDS
            )
        )


class PartnerKind(models.TextChoices):
    MUNICIPAL_OFFICE = "municipal_office", _("Municipal office")
    NON_PROFIT = "non_profit", _("Non-profit organisation")
    EMPLOYER = "employer", _("Employer")
    TRAINING_PROVIDER = "training_provider", _("Training provider")
    OTHER = "other", _("Other")


class PartnerOrganisation(
    TranslatableMixin,
    PreviewableMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """An organisation in the network: what it does, for whom, where, and how to reach it.

    Partners are deactivated, never deleted, once they have a history (see ``has_history``).
    A translatable snippet: each language's row holds its own description and network role;
    everything else is synchronised from the source by wagtail-localize, the lists included
    (they keep pointing at the source-language entries).
    """

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Stable key: the address of the partner's page and the key for imports."),
    )
    kind = models.CharField(
        _("kind"), max_length=30, choices=PartnerKind.choices, default=PartnerKind.NON_PROFIT
    )
    description = models.TextField(_("description"), blank=True)
    network_role = models.CharField(_("role in the network"), max_length=300, blank=True)
    services = ParentalManyToManyField(
        "partners.Service", blank=True, related_name="partners", verbose_name=_("services")
    )
    target_groups = ParentalManyToManyField(
        "partners.TargetGroup",
        blank=True,
        related_name="partners",
        verbose_name=_("target groups"),
    )
    languages = ParentalManyToManyField(
        "partners.Language",
        blank=True,
        related_name="partners",
        verbose_name=_("languages spoken"),
    )
    cities = ParentalManyToManyField(
        "partners.City", blank=True, related_name="partners", verbose_name=_("cities served")
    )
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive partners disappear from the directory but keep their history."),
    )
    internal_notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("For programme staff only; never shown on the site or in the API."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partner")

    objects = PartnerOrganisationQuerySet.as_manager()

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("active")]),
                    FieldPanel("logo"),
                    FieldPanel("description"),
                    FieldPanel("network_role"),
                ],
                heading=_("Profile"),
            ),
            ObjectList(
                [
                    FieldPanel("services", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("cities", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Offers"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("street_address"),
                            FieldRowPanel([FieldPanel("postal_code"), FieldPanel("town")]),
                            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                            FieldPanel("website"),
                            FieldPanel("opening_hours"),
                        ],
                        heading=_("Address and contact"),
                    ),
                    InlinePanel("contact_persons", heading=_("Contact persons")),
                    FieldPanel("internal_notes"),
                ],
                heading=_("Contact"),
            ),
        ]
    )

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_name", boost=2),
        index.AutocompleteField("short_name"),
        index.SearchField("description"),
        index.SearchField("network_role"),
        index.FilterField("active"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]

    api_fields = [
        APIField("name"),
        APIField("short_name"),
        APIField("slug"),
        APIField("kind"),
        APIField("locale", serializer=LocaleField()),
        APIField("description"),
        APIField("network_role"),
        APIField("services", serializer=VocabularySerializer(many=True)),
        APIField("target_groups", serializer=VocabularySerializer(many=True)),
        APIField("languages", serializer=VocabularySerializer(many=True)),
        APIField("cities", serializer=VocabularySerializer(many=True)),
        APIField("street_address"),
        APIField("postal_code"),
        APIField("town"),
        APIField("phone"),
        APIField("email"),
        APIField("website"),
        APIField("opening_hours"),
        APIField("logo", serializer=ImageRenditionField("max-240x240")),
        APIField(
            "contact_persons",
            serializer=ContactPersonSerializer(many=True, source="public_contact_persons"),
        ),
    ]

    translatable_fields = [
        TranslatableField("description"),
        TranslatableField("network_role"),
        *(
            SynchronizedField(name, overridable=False)
            for name in (
                "name",
                "short_name",
                "slug",
                "kind",
                *VOCABULARY_FIELDS,
                "street_address",
                "postal_code",
                "town",
                "phone",
                "email",
                "website",
                "opening_hours",
                "logo",
                "active",
                "internal_notes",
                "contact_persons",
            )
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def public_contact_persons(self) -> list["ContactPerson"]:
        return [person for person in self.contact_persons.all() if person.show_publicly]

    def has_history(self) -> bool:
        """Whether deleting would lose a record: it was once published or people belong to it."""
        return self.first_published_at is not None or self.memberships.exists()

    def get_preview_template(self, request, mode_name):
        return "partners/partner_detail.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "partner": self}


class ContactPerson(Orderable):
    """Someone at the partner to contact; shown publicly only when ``show_publicly`` is set."""

    partner = ParentalKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="contact_persons"
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    show_publicly = models.BooleanField(_("show on the public site"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("show_publicly"),
    ]

    api_fields = [APIField("name"), APIField("role"), APIField("email"), APIField("phone")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name
