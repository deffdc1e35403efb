"""Translating content through wagtail-localize from code, as an editor would in its editor.

The demo loader and the tests use this to make translations the way the admin does: a
``TranslationSource`` of the source object, a ``Translation`` to the target locale, one
``StringTranslation`` per source string, then ``save_target``. Strings without a given
translation fall back to the source text (wagtail-localize's own fallback).

wagtail-localize publishes a page's or draftable snippet's translation in
``transaction.on_commit``; a loader running in one transaction (and every test) would find it
unpublished, so the draft it saves is published here at once instead.
"""

from django.db.models import Model

from wagtail.models import DraftStateMixin, Locale

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(instance: Model, locale: Locale, texts: dict[str, str], user=None) -> Model:
    """Translate ``instance`` into ``locale``; ``texts`` maps source strings to translations.

    Idempotent: running it again with the same texts changes nothing but the sync time.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = texts.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    draftable = isinstance(instance, DraftStateMixin)
    translation.save_target(user=user, publish=not draftable)
    target = instance.get_translation(locale)
    if draftable:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target
