"""Whole-page cache for anonymous visitors, dropped whenever published content changes.

Django's own cache middleware keys on the response's ``Vary`` headers. Every page here reads
``request.user`` for the staff links in the header, so every page varies on ``Cookie``: Django
would keep one copy per session (staff pages included) and none for the first visit. This
middleware caches only what every anonymous visitor gets alike - a GET without a session or
messages cookie, answered 200 without setting a cookie or using a CSRF token - and never staff
pages, the admin, forms or documents. A generation number in the cache is part of every key;
:func:`invalidate` bumps it when a page, snippet, vocabulary or image changes, so a cached page
is never older than the last publish. ``PAGE_CACHE_SECONDS`` (0 switches it off) bounds the rest.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_response_headers

GENERATION_KEY = "page-cache:generation"
EXCLUDED_PREFIXES = ("/admin/", "/forms/", "/documents/", "/i18n/", "/jsi18n/", "/static/")
# Cookies an anonymous visitor may carry that change nothing on a public page.
HARMLESS_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
CACHED_CONTENT_TYPES = ("text/html", "application/json", "application/rss+xml", "application/atom")


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate(**_signal_kwargs) -> None:
    """Forget every cached page (a signal receiver: takes and ignores the signal's arguments)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted: any new number is as good
        cache.set(GENERATION_KEY, generation() + 1, timeout=None)


# Apps whose rows show on public pages; a change to any of their rows drops the cache.
INVALIDATING_APPS = {
    "website",
    "partners",
    "knowledge",
    "dashboards",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtail_localize",
    "taggit",
}
# Rows of those apps that change nothing a visitor sees.
IGNORED_MODELS = {
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    # Made the first time a page shows an image at a size: the image's own change counts.
    "wagtailimages.rendition",
}


def _content_changed(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in INVALIDATING_APPS and meta.label_lower not in IGNORED_MODELS:
        invalidate()


def connect_signals() -> None:
    """Publishing and unpublishing pages and snippets, and any saved or deleted row of the
    apps above (imports and vocabularies included)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from wagtail.signals import page_published, page_unpublished, published, unpublished

    for signal in (page_published, page_unpublished, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-{id(signal)}")


def _seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def _request_is_cacheable(request) -> bool:
    return (
        _seconds() > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and set(request.COOKIES) <= HARMLESS_COOKIES
        and "preview" not in request.GET
    )


def _response_is_cacheable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.user.is_authenticated
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and response.get("Content-Type", "").startswith(CACHED_CONTENT_TYPES)
    )


def _key(request) -> str:
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"page-cache:{generation()}:{language}:{request.get_host()}:{request.get_full_path()}"


class AnonymousPageCacheMiddleware:
    """Put after the session, locale, authentication and message middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and _response_is_cacheable(request, response):
            patch_response_headers(response, cache_timeout=0)  # browsers ask again each time
            headers = {name: value for name, value in response.items() if name != "Set-Cookie"}
            cache.set(key, (response.content, headers), _seconds())
            response["X-Page-Cache"] = "miss"
        return response
