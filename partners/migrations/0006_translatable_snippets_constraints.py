"""Step 3 of 3: drop the English columns; every row has a locale and a translation key, and
slugs (and vocabulary names) are unique per locale."""

import uuid

from django.db import migrations, models

VOCABULARIES = ["service", "city", "targetgroup", "language"]


def vocabulary_operations(model_name: str) -> list:
    return [
        migrations.RemoveField(model_name, "name_en"),
        migrations.AlterField(
            model_name, "translation_key", models.UUIDField(default=uuid.uuid4, editable=False)
        ),
        migrations.AlterField(
            model_name,
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
            model_name, {("translation_key", "locale"), ("slug", "locale"), ("name", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [("partners", "0005_move_english_into_translations")]

    operations = [
        *(op for name in VOCABULARIES for op in vocabulary_operations(name)),
        migrations.RemoveField("partnerorganisation", "description_en"),
        migrations.RemoveField("partnerorganisation", "network_role_en"),
        migrations.AlterField(
            "partnerorganisation",
            "translation_key",
            models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            "partnerorganisation",
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
            "partnerorganisation", {("translation_key", "locale"), ("slug", "locale")}
        ),
    ]
