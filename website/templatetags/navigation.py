"""Site-wide navigation: the menu of the current language's tree and the language switcher.

Both run on every public page, so each costs a fixed, small number of queries.
"""

from django import template
from django.conf import settings
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


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    """The live home page of the current language (the default language's as fallback)."""
    request = context["request"]
    homes = _homes_by_language(request)
    home = homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)
    return home.get_url(request) if home is not None else "/"


def _partner_languages(partner) -> set[str]:
    """The languages a partner's page can be shown in: those with a public row of it."""
    from partners.models import PartnerOrganisation  # the shell never imports apps at load

    rows = PartnerOrganisation.objects.public().filter(translation_key=partner.translation_key)
    return set(rows.values_list("locale__language_code", flat=True))


@register.inclusion_tag("website/includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """A link per language the current page exists in (live), to the same place in that
    language: the page's translation, plus what a routable page serves below it (a partner's
    page only where that partner is translated). Views without a page link the home pages."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    names = dict(settings.LANGUAGES)
    if isinstance(page, Page):
        live = Page.objects.filter(translation_key=page.translation_key).live()
        targets = {p.locale.language_code: p for p in live.select_related("locale")}
        below = _below_page(request, page)
    else:
        targets, below = _homes_by_language(request), ""
    partner = context.get("partner")
    if partner is not None and getattr(partner, "translation_key", None):
        allowed = _partner_languages(partner)
        targets = {code: target for code, target in targets.items() if code in allowed}
    links = [
        {
            "code": code,
            "name": name,
            "url": targets[code].get_url(request) + below,
            "current": code == current,
        }
        for code, name in names.items()
        if code in targets
    ]
    return {"links": links if len(links) > 1 else []}
