"""Results that every page or listing needs, kept until published content next changes.

The anonymous page cache serves whole pages, but staff, every wizard step and any page not
yet cached are rendered in full. What they share with every other visitor (the menu, the
language links, the site's identity, a listing's cards and filter choices) is kept here under
the page cache's generation number, which every publish and every saved row of the content
apps bumps (``website.page_cache``): never older than the last change, no query in between.
Only texts, URLs and model rows visible to anyone go here, never per-user data.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from .page_cache import generation


def remember(name: str, compute, *parts):
    """``compute()`` once per content generation, language and ``parts`` (include the host
    where the result holds URLs). Off, computing every time, while ``PAGE_CACHE_SECONDS`` is 0."""
    seconds = settings.PAGE_CACHE_SECONDS
    if not seconds:
        return compute()
    key = ":".join(str(part) for part in ("content", generation(), name, get_language(), *parts))
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def remember_many(name: str, compute_missing, keys, *parts) -> dict:
    """``{key: value}`` for ``keys``, computing only the missing ones at once with
    ``compute_missing(missing_keys) -> {key: value}`` (one cache read for all of them)."""
    seconds = settings.PAGE_CACHE_SECONDS
    if not seconds:
        return compute_missing(list(keys))
    prefix = ":".join(str(part) for part in ("content", generation(), name, get_language(), *parts))
    stored = cache.get_many([f"{prefix}:{key}" for key in keys])
    found = {key: stored[f"{prefix}:{key}"] for key in keys if f"{prefix}:{key}" in stored}
    missing = [key for key in keys if key not in found]
    if missing:
        computed = compute_missing(missing)
        cache.set_many({f"{prefix}:{key}": value for key, value in computed.items()}, seconds)
        found.update(computed)
    return found
