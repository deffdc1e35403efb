"""Which entries the knowledge index lists, filtered and searched, in a fixed number of queries."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce
from django.db.models.query import prefetch_related_objects

from wagtail.images import get_image_model
from wagtail.models import Page, PageQuerySet

from .models import GoodPracticePage, ModelDocumentationPage, NewsPage, Theme

ENTRY_MODELS = (GoodPracticePage, ModelDocumentationPage, NewsPage)
CARD_RENDITION = "fill-480x270"
PAGE_SIZE = 12


@dataclass(frozen=True)
class EntryFilters:
    theme: str = ""
    city: str = ""
    country: str = ""
    query: str = ""

    @property
    def active(self) -> bool:
        return any([self.theme, self.city, self.country, self.query])


def matching_entry_pks(theme: str = "", city: str = "", country: str = "") -> Q:
    """A condition on ``Page`` for entries of any kind with that theme, city and country.

    Written as ``pk IN (subquery)`` so Wagtail search accepts it as a filter on ``id``.
    """
    conditions = {}
    if theme:
        conditions["themes__slug"] = theme
    if city:
        conditions["city"] = city
    if country:
        conditions["country"] = country
    if not conditions:
        return Q()
    return reduce(
        or_, [Q(pk__in=model.objects.filter(**conditions).values("pk")) for model in ENTRY_MODELS]
    )


def published_entries(index: Page) -> PageQuerySet:
    """What a visitor may see under the index: live, public entries."""
    return Page.objects.child_of(index).live().public().type(*ENTRY_MODELS)


def newest_first(entries: PageQuerySet) -> PageQuerySet:
    entry_date = Coalesce(*[f"{model._meta.model_name}__date" for model in ENTRY_MODELS])
    return entries.annotate(entry_date=entry_date).order_by("-entry_date", "-first_published_at")


def find_entries(index: Page, filters: EntryFilters):
    """The entries matching ``filters``: most relevant first when searching, else newest first."""
    entries = published_entries(index).filter(
        matching_entry_pks(filters.theme, filters.city, filters.country)
    )
    if filters.query:
        return entries.search(filters.query)
    return newest_first(entries)


def paginate(results, number: str | None) -> PaginatorPage:
    """One page of results, with the specific pages, their themes and card images loaded."""
    page = Paginator(results, PAGE_SIZE).get_page(number)
    page.object_list = load_cards([entry.pk for entry in page.object_list])
    return page


def load_cards(pks: list[int]) -> list[Page]:
    """The specific pages for ``pks`` in that order, with what a card shows prefetched."""
    if not pks:
        return []
    by_pk = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
    cards = [by_pk[pk] for pk in pks if pk in by_pk]
    renditions = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    for model in ENTRY_MODELS:
        same_kind = [card for card in cards if type(card) is model]
        if same_kind:
            themes = Prefetch("themes", queryset=Theme.objects.with_localized("name"))
            prefetch_related_objects(same_kind, themes, Prefetch("image", queryset=renditions))
    return cards


def filter_choices(index: Page) -> dict[str, list]:
    """The themes, cities and countries a visitor can filter the index by."""
    cities, countries = set(), set()
    for model in ENTRY_MODELS:
        for city, country in (
            model.objects.child_of(index).live().public().values_list("city", "country")
        ):
            cities.add(city)
            countries.add(country)
    return {
        "themes": list(Theme.objects.in_locale()),
        "cities": sorted(city for city in cities if city),
        "countries": sorted(country for country in countries if country),
    }
