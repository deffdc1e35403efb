"""The knowledge base's front door: every entry, filtered, searchable, and as a feed."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from website.sanitise import clean_rich_text

from ..blocks import RICH_TEXT_FEATURES


class KnowledgeIndexPage(RoutablePageMixin, Page):
    """Lists its entries (filter form, search, pages) and serves them as RSS and Atom feeds."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["website.HomePage"]
    subpage_types = [
        "knowledge.GoodPracticePage",
        "knowledge.ModelDocumentationPage",
        "knowledge.NewsPage",
    ]
    max_count_per_parent = 1
    template = "knowledge/knowledge_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("knowledge index")
        verbose_name_plural = _("knowledge indexes")

    def clean(self) -> None:
        super().clean()
        clean_rich_text(self)

    # The listing, its form and the feeds import the page models, hence the local imports below.
    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from website.localization import active_locale

        from ..forms import EntryFilterForm
        from ..listing import filter_choices, find_entries, paginate, private_sections

        context = super().get_context(request, *args, **kwargs)
        private, locale = private_sections(), active_locale()
        form = EntryFilterForm(request.GET or None, choices=filter_choices(self, private, locale))
        filters = form.entry_filters()
        context.update(
            filter_form=form,
            filters=filters,
            entries=paginate(
                find_entries(self, filters, private), request.GET.get("page"), request, locale
            ),
        )
        return context

    @path("feed/", name="rss")
    def rss_feed(self, request: HttpRequest) -> HttpResponse:
        from ..feeds import KnowledgeRssFeed

        return KnowledgeRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request: HttpRequest) -> HttpResponse:
        from ..feeds import KnowledgeAtomFeed

        return KnowledgeAtomFeed(self)(request)
