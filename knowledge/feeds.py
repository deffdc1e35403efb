"""RSS and Atom feeds of new knowledge entries, one per index page (and so per language)."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from wagtail.models import Page

from .listing import load_cards, published_entries

FEED_LENGTH = 20


class KnowledgeRssFeed(Feed):
    def __init__(self, index: Page):
        super().__init__()
        self.index = index

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return f"{self.index.title} · PartizipationPlus"

    def link(self) -> str:
        return self.index.get_url(self.request)

    def description(self) -> str:
        return self.index.search_description or self.index.title

    def items(self) -> list[Page]:
        newest = published_entries(self.index).order_by("-first_published_at")[:FEED_LENGTH]
        return load_cards(list(newest.values_list("pk", flat=True)))

    def item_title(self, item: Page) -> str:
        return item.title

    def item_description(self, item: Page) -> str:
        """HTML to feed readers (Atom's ``summary type="html"``): the plain standfirst, escaped."""
        return escape(item.standfirst)

    def item_link(self, item: Page) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item: Page):
        return item.first_published_at

    def item_updateddate(self, item: Page):
        return item.last_published_at

    def item_categories(self, item: Page) -> list[str]:
        return [theme.name for theme in item.themes.all()]


class KnowledgeAtomFeed(KnowledgeRssFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
