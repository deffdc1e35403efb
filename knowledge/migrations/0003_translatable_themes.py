"""Themes become translatable snippets (step 1 of 3): the columns a translation needs.

0004 moves the English names into translation rows and 0005 drops the English column; each
step is its own migration (one transaction each), because PostgreSQL refuses to alter a table
in the transaction that changed its rows.
"""

from django.db import migrations, models


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
    ]
