"""Computed tables, cached: once per request at most, and across requests in Django's cache.

A request never computes the same table twice (a memo for the request's duration), and the
Django cache keeps tables for ``DASHBOARDS_CACHE_SECONDS`` (default 300; 0 turns it off). Every
save or delete of a casework record or a historical figure bumps a *generation* number that is
part of each key, so changed data is never served from the cache; so does a bulk load of
generated cases, once (``casework.bulk_rows.rows_written``). Other changes that send no signals
(``QuerySet.update()``, ``bulk_create``) show after the timeout at the latest.

Tables handed out are shared: treat them as read-only (``suppress`` works on copies).

A staff dashboard's exact numbers are computed over the cases one user may see, so they are
kept under that user's ``scope`` key: one user's numbers are never served to another, nor on a
public page (``PUBLIC_SCOPE``).
"""

import hashlib
from contextlib import contextmanager
from dataclasses import fields
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils import timezone, translation

from asgiref.local import Local

from .metrics import Filters, Table, compute

GENERATION_KEY = "dashboards:generation"
PUBLIC_SCOPE = "public"
_local = Local()


def cache_seconds() -> int:
    return getattr(settings, "DASHBOARDS_CACHE_SECONDS", 300)


def generation() -> int:
    cache.add(GENERATION_KEY, 1, timeout=None)
    return cache.get(GENERATION_KEY) or 1


def bump_generation(**kwargs) -> None:
    """Signal receiver: the figures' data changed, so every cached table is out of date."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (evicted or never set)
        cache.set(GENERATION_KEY, 2, timeout=None)
    memo = getattr(_local, "memo", None)
    if memo is not None:
        memo.clear()


def watch_models() -> None:
    """Connect ``bump_generation`` to every model the figures are computed from."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    from casework.bulk_rows import rows_written

    models = [*apps.get_app_config("casework").get_models()]
    models.append(apps.get_model("dashboards", "HistoricalFigure"))
    for model in models:
        uid = f"dashboards-cache-{model._meta.label_lower}"
        post_save.connect(bump_generation, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"{uid}-delete")
    rows_written.connect(bump_generation, dispatch_uid="dashboards-cache-bulk-rows")


@contextmanager
def request_memo():
    """Within this block, each table is computed (or read from the cache) once."""
    previous = getattr(_local, "memo", None)
    _local.memo = {}
    try:
        yield _local.memo
    finally:
        _local.memo = previous


def _start_memo(**kwargs) -> None:
    _local.memo = {}


def _end_memo(**kwargs) -> None:
    _local.memo = None


request_started.connect(_start_memo, dispatch_uid="dashboards-memo-start")
request_finished.connect(_end_memo, dispatch_uid="dashboards-memo-end")


def cache_key(
    measure_key, breakdown, period, filters: Filters, source, today: date, scope=PUBLIC_SCOPE
) -> str:
    if filters.cases is not None and scope == PUBLIC_SCOPE:
        raise ValueError("Figures over a set of cases need the scope's own cache key.")
    chosen = tuple(getattr(filters, item.name) for item in fields(filters) if item.compare)
    parts = (measure_key, breakdown, period, chosen, source, today, scope)
    digest = hashlib.sha256(repr((parts, translation.get_language())).encode()).hexdigest()
    return f"dashboards:table:{generation()}:{digest[:32]}"


def cached_table(
    measure_key: str,
    breakdown: str = "none",
    period: str | None = None,
    filters: Filters = Filters(),  # noqa: B008 (frozen, so a shared default is safe)
    source: str = "live",
    today: date | None = None,
    scope: str = PUBLIC_SCOPE,
) -> Table:
    """``compute`` with the same arguments, from the request's memo or the cache if there.
    ``scope`` names whose cases ``filters.cases`` holds (see the module's docstring)."""
    today = today or timezone.localdate()
    key = cache_key(measure_key, breakdown, period, filters, source, today, scope)
    memo = getattr(_local, "memo", None)
    if memo is not None and key in memo:
        return memo[key]
    table = cache.get(key) if cache_seconds() else None
    if table is None:
        table = compute(measure_key, breakdown, period, filters, source, today)
        if cache_seconds():
            cache.set(key, table, timeout=cache_seconds())
    if memo is not None:
        memo[key] = table
    return table
