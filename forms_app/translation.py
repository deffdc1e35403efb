"""A form in several languages: one structure, per-language texts, through wagtail-localize.

A translated WizardFormPage is made and synchronised by wagtail-localize: its StreamField is the
source's with the translated segments put in. Structure blocks (:class:`~.blocks.Untranslated`)
produce no segments, so keys, stored values and conditions are always the source's. What
wagtail-localize still allows - a translation taken out of sync and edited in the page editor -
is guarded by :func:`structure_errors`, called from ``WizardFormPage.clean``.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail import blocks
from wagtail.models import Locale

from .blocks import Untranslated


def is_text(block: blocks.Block) -> bool:
    """Whether wagtail-localize offers this block's value for translation (as its
    ``StreamFieldSegmentExtractor`` decides for text blocks)."""
    text_blocks = (
        blocks.CharBlock | blocks.TextBlock | blocks.BlockQuoteBlock | blocks.RichTextBlock
    )
    return isinstance(block, text_blocks) and not isinstance(block, Untranslated)


def structure_of(block: blocks.Block, value):
    """The value with every translatable text left out: what all languages must share."""
    if isinstance(block, blocks.StreamBlock):
        return [(child.block_type, structure_of(child.block, child.value)) for child in value]
    if isinstance(block, blocks.ListBlock):
        return [structure_of(block.child_block, item) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {
            name: structure_of(child, value.get(name))
            for name, child in block.child_blocks.items()
            if not is_text(child)
        }
    return block.get_prep_value(value)


def steps_structure(page) -> list:
    field = page._meta.get_field("steps")
    return structure_of(field.stream_block, page.steps)


def synced_source(page):
    """The snapshot of the source page this translation was last synchronised from, if any."""
    from wagtail_localize.models import Translation

    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source")
        .first()
    )
    return translation.source if translation else None


def structure_source(page):
    """The page whose structure ``page`` must have: the wagtail-localize source it was
    translated from, else its default-language version; None when ``page`` is the source."""
    from wagtail_localize.models import TranslationSource

    source = synced_source(page)
    if source is not None:
        return source.as_instance()
    if TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).exists():
        return None  # itself the source others are translated from
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale=default)
        .exclude(pk=page.pk)
        .first()
    )


def structure_errors(page) -> list[str]:
    """A message when a translation's steps, keys, values or conditions differ from its source."""
    source = structure_source(page)
    if source is None or steps_structure(source) == steps_structure(page):
        return []
    return [
        _(
            "This is a translation: its steps, fields, keys, choice values and conditions come "
            "from the form in %(language)s and can only be changed there. Here you can change "
            "the texts only."
        )
        % {"language": source.locale.get_display_name()}
    ]


def current_texts(page) -> dict[str, str]:
    """The texts a translated page holds now, by wagtail-localize segment path."""
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    return {
        segment.path: segment.render_text()
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    }


@transaction.atomic
def translate_page(page, locale: Locale, texts: dict[str, str], user=None):
    """Translate ``page`` into ``locale`` through wagtail-localize, the way the translation editor
    does, then create or synchronise the translated page and publish it.

    Each source string gets, unless a translator already translated it: the text an existing
    translated page holds at the same place (so adopting a page translated before
    wagtail-localize loses nothing), else ``texts[source string]``, else the source text.
    """
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    existing = page.get_translation_or_none(locale)
    held = current_texts(existing.specific) if existing is not None else {}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        original = segment.string.data
        kept = held.get(segment.context.path)
        text = kept if kept and kept != original else texts.get(original)
        if text:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )
    # a draft first, published here rather than on commit, so callers (and tests) see it live
    translation.save_target(user=user, publish=False)
    target = page.get_translation(locale).specific
    target.get_latest_revision().publish(user=user)
    return type(target).objects.get(pk=target.pk)
