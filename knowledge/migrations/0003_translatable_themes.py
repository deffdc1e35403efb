"""Themes become translatable snippets (step 1 of 2): the German name is the source row's name,
the English name moves into an English translation row with the same translation key.

The English column is dropped in 0004, once the rows exist; the language codes are frozen here.
"""

import uuid

from django.conf import settings
from django.db import migrations, models

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
    dependencies = [
        ("knowledge", "0002_themes_workflow_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField("theme", "name_de", "name"),
        migrations.AlterField(
            "theme", "name", models.CharField(max_length=80, verbose_name="name")
        ),
        migrations.AlterField(
            "theme",
            "name_en",
            models.CharField(blank=True, max_length=80, verbose_name="English name"),
        ),
        migrations.AlterField(
            "theme", "slug", models.SlugField(max_length=40, verbose_name="slug")
        ),
        migrations.AddField("theme", "translation_key", models.UUIDField(null=True)),
        migrations.AddField(
            "theme",
            "locale",
            models.ForeignKey(
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
