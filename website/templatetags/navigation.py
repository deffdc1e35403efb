"""Site-wide navigation: the menu of the current language's tree and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

register = template.Library()


def _home_for(request, locale: Locale) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """Live pages directly under the current language's home page that ask to be in menus."""
    request = context["request"]
    locale = Locale.objects.filter(language_code=get_language()).first()
    home = _home_for(request, locale) if locale else None
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().specific())


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
    links = []
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for code, name in settings.LANGUAGES:
        url, missing = None, False
        if isinstance(page, Page) and code in locales:
            translation = page.get_translation_or_none(locales[code])
            if translation is not None and translation.live:
                url = translation.get_url(request) + _below_page(request, page)
            else:
                home = _home_for(request, locales[code])
                url = home.get_url(request) if home is not None and home.live else None
                missing = True
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current, "missing": missing}
        )
    return {"links": links}
