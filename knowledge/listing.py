"""Which entries the knowledge index lists, filtered and searched, in a fixed number of queries."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce
from django.db.models.query import prefetch_related_objects
from django.template.loader import render_to_string

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageQuerySet

from website.content_cache import remember, remember_many
from website.localization import active_locale

from .models import GoodPracticePage, ModelDocumentationPage, NewsPage, Theme

ENTRY_MODELS = (GoodPracticePage, ModelDocumentationPage, NewsPage)
CARD_RENDITION = "fill-480x270"
CARD_TEMPLATE = "knowledge/includes/entry_card.html"
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


def private_sections() -> Q:
    """Wagtail's condition for pages in a private section, to be reused by every list of one
    request (each ``PageQuerySet.public()`` would read the restrictions again). Kept until the
    content next changes (a view restriction is a row of ``wagtailcore``, so it counts)."""
    return remember("private-sections", lambda: Page.objects.all().private_q())


def published_entries(index: Page, private: Q | None = None) -> PageQuerySet:
    """What a visitor may see under the index: live, public entries."""
    entries = Page.objects.child_of(index).live().type(*ENTRY_MODELS)
    return entries.exclude(private if private is not None else private_sections())


def newest_first(entries: PageQuerySet) -> PageQuerySet:
    return entries.annotate(entry_date=_coalesced("date")).order_by(
        "-entry_date", "-first_published_at"
    )


def _coalesced(field: str) -> Coalesce:
    """``field`` of whichever entry model a page is (each keeps its own column)."""
    return Coalesce(*[f"{model._meta.model_name}__{field}" for model in ENTRY_MODELS])


def find_entries(index: Page, filters: EntryFilters, private: Q | None = None):
    """The entries matching ``filters``: most relevant first when searching, else newest first."""
    entries = published_entries(index, private).filter(
        matching_entry_pks(filters.theme, filters.city, filters.country)
    )
    if filters.query:
        return entries.search(filters.query)
    return newest_first(entries)


@dataclass(frozen=True)
class Card:
    """One entry as the index lists it: its title (for tests and screen-reader summaries) and
    its rendered card."""

    pk: int
    title: str
    html: str


def paginate(results, number: str | None, request, locale: Locale | None = None) -> PaginatorPage:
    """One page of results as rendered cards (see :func:`rendered_cards`)."""
    page = Paginator(results, PAGE_SIZE).get_page(number)
    page.object_list = rendered_cards([entry.pk for entry in page.object_list], request, locale)
    return page


def rendered_cards(pks: list[int], request, locale: Locale | None = None) -> list[Card]:
    """The cards of ``pks`` in that order. A card shows only what every visitor sees (title,
    place, date, image, themes), so each is rendered once per content generation, language and
    host, and only the cards not yet kept load their pages (:func:`load_cards`)."""
    locale = locale or active_locale()

    def render(missing: list[int]) -> dict[int, Card]:
        return {
            entry.pk: Card(
                entry.pk,
                entry.title,
                render_to_string(CARD_TEMPLATE, {"entry": entry}, request=request),
            )
            for entry in load_cards(missing, locale)
        }

    cards = remember_many("knowledge-card", render, pks, request.get_host(), locale.pk)
    return [cards[pk] for pk in pks if pk in cards]


def load_cards(pks: list[int], locale: Locale | None = None) -> list[Page]:
    """The specific pages for ``pks`` in that order, with what a card shows prefetched.

    Themes are a relation of each entry model, so one query per kind; the card images are one
    foreign key of the same name on every kind, so one query (and one for renditions) for all.
    """
    if not pks:
        return []
    locale = locale or active_locale()
    by_pk = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
    cards = [by_pk[pk] for pk in pks if pk in by_pk]
    themes = Prefetch("themes", queryset=Theme.objects.with_localized("name", locale=locale))
    for model in ENTRY_MODELS:
        same_kind = [card for card in cards if type(card) is model]
        if same_kind:
            prefetch_related_objects(same_kind, themes)
    renditions = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    prefetch_related_objects(cards, Prefetch("image", queryset=renditions))
    return cards


def filter_choices(
    index: Page, private: Q | None = None, locale: Locale | None = None
) -> dict[str, list]:
    """The themes, cities and countries a visitor can filter the index by (two queries, then
    kept until the content next changes)."""
    locale = locale or active_locale()
    return remember(
        "knowledge-choices",
        lambda: _filter_choices(index, private, locale),
        index.pk,
        locale.pk,
    )


def _filter_choices(index: Page, private: Q | None, locale: Locale) -> dict[str, list]:
    places = (
        published_entries(index, private)
        .annotate(entry_city=_coalesced("city"), entry_country=_coalesced("country"))
        .values_list("entry_city", "entry_country")
        .order_by()
        .distinct()
    )
    cities, countries = set(), set()
    for city, country in places:
        cities.add(city)
        countries.add(country)
    return {
        "themes": list(Theme.objects.in_locale(locale)),
        "cities": sorted(city for city in cities if city),
        "countries": sorted(country for country in countries if country),
    }
