"""Themes, step 3 of 3: drop the English column; slugs are unique per locale."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_move_english_theme_names")]

    operations = [
        migrations.RemoveField("theme", "name_en"),
        migrations.AlterField(
            "theme", "translation_key", models.UUIDField(default=uuid.uuid4, editable=False)
        ),
        migrations.AlterField(
            "theme",
            "locale",
            models.ForeignKey(
                editable=False,
                on_delete=models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            "theme", {("translation_key", "locale"), ("slug", "locale")}
        ),
    ]
