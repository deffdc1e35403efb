"""Reading translatable snippets in the visitor's language, with the source language as fallback.

Wagtail's ``TranslatableMixin.localized`` answers this for one object with one query. Listings
need it for many rows at once: these helpers do it in SQL (one query per listing), so relations
may keep pointing at the source rows while every page shows the current language's texts.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, NullIf

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from .content_cache import remember


def active_locale() -> Locale:
    """The locale of the active language, or the default one when it has no locale yet (kept
    until the content next changes: a locale is a row of ``wagtailcore``)."""
    return remember("active-locale", _active_locale)


def _active_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


class TranslatableQuerySet(models.QuerySet):
    """Queries for ``TranslatableMixin`` models that the public site and the API ask."""

    def sources(self) -> "TranslatableQuerySet":
        """The rows in the default language: the ones other rows' relations point at. Lazy (no
        query until evaluated), so class attributes such as filter sets may use it."""
        return self.filter(
            locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )

    def in_locale(self, locale: Locale | None = None) -> "TranslatableQuerySet":
        """One row per translation group: the one in ``locale`` where this queryset has it,
        else the default language's row."""
        locale = locale or active_locale()
        default = Locale.get_default()
        if locale.pk == default.pk:
            return self.filter(locale=default)
        translated = self.filter(locale=locale).values("translation_key")
        return self.filter(
            models.Q(locale=locale)
            | (models.Q(locale=default) & ~models.Q(translation_key__in=translated))
        )

    def with_localized(self, *fields: str, locale: Locale | None = None) -> "TranslatableQuerySet":
        """Annotate ``localized_<field>``: the text of the translation in ``locale`` when there
        is one and it is not empty, else the row's own text."""
        locale = locale or active_locale()
        annotations = {}
        for field in fields:
            translation = self.model._default_manager.filter(
                translation_key=models.OuterRef("translation_key"), locale=locale
            ).values(field)[:1]
            annotations[f"localized_{field}"] = Coalesce(
                NullIf(models.Subquery(translation), models.Value("")), models.F(field)
            )
        return self.annotate(**annotations)


def localize_all(objects: Iterable, locale: Locale | None = None) -> list:
    """``objects`` (translatable, of one model) replaced by their translations in ``locale``
    where one exists, in one query; the order is kept."""
    objects = list(objects)
    locale = locale or active_locale()
    if not objects or all(obj.locale_id == locale.pk for obj in objects):
        return objects
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model._default_manager.filter(
            translation_key__in=[obj.translation_key for obj in objects], locale=locale
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]
