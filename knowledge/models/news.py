"""News and events of the network, such as the 2013 webinar."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import ContentStreamBlock
from .entries import ENTRY_PANEL, KnowledgeEntryPage


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    EVENT = "event", _("Event")


class NewsPage(KnowledgeEntryPage):
    kind = models.CharField(_("kind"), max_length=10, choices=NewsKind.choices, default="news")
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    template = "knowledge/news_page.html"

    content_panels = [
        *KnowledgeEntryPage.content_panels,
        FieldPanel("kind"),
        ENTRY_PANEL,
        FieldPanel("body"),
    ]

    search_fields = [
        *KnowledgeEntryPage.search_fields,
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    api_fields = [*KnowledgeEntryPage.api_fields, APIField("kind"), APIField("body")]

    class Meta:
        verbose_name = _("news or event")
        verbose_name_plural = _("news and events")

    @property
    def kind_label(self) -> str:
        return self.get_kind_display()
