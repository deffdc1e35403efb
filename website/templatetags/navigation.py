"""Site-wide navigation: the menu of the current language's tree and the language switcher.

Both run on every page, staff pages and every wizard step included, which the anonymous page
cache never serves. So their results (titles and URLs, never per-user data) are kept in the
cache under the page cache's generation number (``website.content_cache``): they are never older
than the last change, and cost no query in between.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Page, Site

from ..content_cache import remember

register = template.Library()


def _cached(request, name: str, compute, *parts):
    """``compute()`` once per content generation, host, language and ``parts``."""
    return remember(f"nav-{name}", compute, request.get_host(), *parts)


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
def main_menu(context) -> list[dict]:
    """Live, public pages directly under the current language's home page that ask to be in
    menus, as ``{"pk", "title", "url"}``."""
    request = context["request"]

    def compute() -> list[dict]:
        root = _site_root(request)
        if root is None:
            return []
        home = Page.objects.filter(
            translation_key=root.translation_key, locale__language_code=get_language()
        ).first()
        if home is None:
            return []
        return [
            {"pk": page.pk, "title": page.title, "url": page.get_url(request)}
            for page in home.get_children().live().public().in_menu()
        ]

    return _cached(request, "menu", compute)


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

    def compute() -> str:
        homes = _homes_by_language(request)
        home = homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)
        return home.get_url(request) if home is not None else "/"

    return _cached(request, "home", compute)


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
    partner = context.get("partner")
    if partner is not None and not getattr(partner, "translation_key", None):
        partner = None
    is_page = isinstance(page, Page)

    def compute() -> dict[str, str]:
        """Language code → URL of the page's live translation (or home page)."""
        if is_page:
            live = Page.objects.filter(translation_key=page.translation_key).live()
            targets = {p.locale.language_code: p for p in live.select_related("locale")}
        else:
            targets = _homes_by_language(request)
        if partner is not None:
            allowed = _partner_languages(partner)
            targets = {code: target for code, target in targets.items() if code in allowed}
        return {code: target.get_url(request) for code, target in targets.items()}

    urls = _cached(
        request,
        "languages",
        compute,
        page.pk if is_page else "-",
        partner.pk if partner is not None else "-",
    )
    below = _below_page(request, page) if is_page else ""
    current = get_language()
    links = [
        {"code": code, "name": name, "url": urls[code] + below, "current": code == current}
        for code, name in settings.LANGUAGES
        if code in urls
    ]
    return {"links": links if len(links) > 1 else []}


@register.inclusion_tag("website/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context) -> dict:
    """The way down from the home page to the current page, on pages below a section (and on
    what a routable section serves below itself, such as a partner's page)."""
    page = context.get("page")
    leaf = context.get("breadcrumb_leaf") or context.get("partner")
    if not isinstance(page, Page) or (page.depth <= 3 and not leaf):
        return {"crumbs": []}
    request = context["request"]

    def compute() -> list[dict]:
        ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2)
        return [{"title": item.title, "url": item.get_url(request)} for item in ancestors]

    crumbs = _cached(request, "crumbs", compute, page.pk)
    if leaf:
        crumbs = [*crumbs, {"title": str(leaf), "url": None}]
    else:
        crumbs = [*crumbs[:-1], {**crumbs[-1], "url": None}]
    return {"crumbs": crumbs}


def _identity(request):
    """The site's identity setting, read once per request. Unlike ``SiteIdentity.for_request``
    it never creates the row: a write while serving a page would empty the page cache."""
    from ..site_settings import SiteIdentity

    def compute():
        site = Site.find_for_request(request)
        found = SiteIdentity.objects.filter(site=site).select_related("logo", "share_image")
        return (found.first() if site else None) or SiteIdentity(site=site)

    if not hasattr(request, "_site_identity"):
        request._site_identity = _cached(request, "identity", compute)
    return request._site_identity


@register.simple_tag(takes_context=True)
def site_identity(context):
    """Name, logo and share image of the current site (defaults until an administrator saves
    Settings → Site identity)."""
    return _identity(context["request"])


@register.simple_tag(takes_context=True)
def footer_links(context) -> list[dict]:
    """The footer's Impressum, Datenschutz and contact links from the site's identity setting,
    each in the current language where the page is translated."""
    request = context["request"]

    def compute() -> list[dict]:
        identity = _identity(request)
        if identity.site_id is None:
            return []
        return [
            {"title": page.title, "url": page.get_url(request)} for page in identity.footer_pages()
        ]

    return _cached(request, "footer", compute)
