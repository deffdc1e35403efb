"""Themes become translatable snippets (step 2 of 3): the German name stays the source row's
name, the English name moves into an English translation row with the same translation key.
The language codes are frozen here."""

import uuid

from django.conf import settings
from django.db import migrations

ENGLISH = "en"


def forward(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("knowledge", "Theme")
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    english, _created = Locale.objects.get_or_create(language_code=ENGLISH)
    for theme in Theme.objects.filter(locale__isnull=True):
        theme.translation_key = uuid.uuid4()
        theme.locale = default
        theme.save(update_fields=["translation_key", "locale"])
        if english.pk != default.pk:
            Theme.objects.create(
                translation_key=theme.translation_key,
                locale=english,
                slug=theme.slug,
                name=theme.name_en or theme.name,
                sort_order=theme.sort_order,
            )


def backward(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("knowledge", "Theme")
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for theme in Theme.objects.exclude(locale=default):
        if theme.locale.language_code == ENGLISH:
            Theme.objects.filter(translation_key=theme.translation_key, locale=default).update(
                name_en=theme.name
            )
        theme.delete()


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_translatable_themes")]

    operations = [migrations.RunPython(forward, backward)]
