"""Site-wide navigation: the menu of the current language's tree and the language switcher.

Both run on every public page, so each costs a fixed, small number of queries.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page, Site

register = template.Library()


def _site_root(request) -> Page | None:
    site = Site.find_for_request(request)
    return site.root_page if site is not None else None


def _homes_by_language(request) -> dict[str, Page]:
    """The live home page of every language, in one query."""
    root = _site_root(request)
    if root is None:
        return {}
    homes = Page.objects.filter(translation_key=root.translation_key).live()
    return {home.locale.language_code: home for home in homes.select_related("locale")}


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """Live, public pages directly under the current language's home page that ask to be in
    menus."""
    request = context["request"]
    root = _site_root(request)
    if root is None:
        return []
    home = Page.objects.filter(
        translation_key=root.translation_key, locale__language_code=get_language()
    ).first()
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())


def _below_page(request, page: Page) -> str:
    """What a routable page serves below its own URL (a partner's ``<slug>/``, a feed), with the
    query string, so switching language keeps the visitor where they are."""
    own = page.get_url(request) or ""
    below = request.path[len(own) :] if own and request.path.startswith(own) else ""
    query = request.GET.urlencode()
    return below + (f"?{query}" if query else "")


@register.inclusion_tag("website/includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """A link per language: to this page's translation where one is live, else to that
    language's home page with a note that the page is not translated yet."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations, homes = {}, None
    if isinstance(page, Page):
        live = Page.objects.filter(translation_key=page.translation_key).live()
        translations = {p.locale.language_code: p for p in live.select_related("locale")}
    links = []
    for code, name in settings.LANGUAGES:
        url, missing = None, False
        if code in translations:
            url = translations[code].get_url(request) + _below_page(request, page)
        elif isinstance(page, Page):
            homes = _homes_by_language(request) if homes is None else homes
            missing = True
            url = homes[code].get_url(request) if code in homes else None
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current, "missing": missing}
        )
    return {"links": links}
