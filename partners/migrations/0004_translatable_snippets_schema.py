"""Partners and vocabularies become translatable snippets (step 1 of 3: the new columns).

The German columns become the texts of the source rows; uniqueness moves to "per locale". The
English columns stay until 0005 has copied them into English translation rows.
"""

from django.db import migrations, models

VOCABULARIES = ["service", "city", "targetgroup", "language"]

VERBOSE_NAMES = {
    "service": ("service", "services"),
    "city": ("city", "cities"),
    "targetgroup": ("target group", "target groups"),
    "language": ("language", "languages"),
}


def vocabulary_operations(model_name: str) -> list:
    return [
        migrations.RenameField(model_name, "name_de", "name"),
        migrations.AlterModelOptions(
            model_name,
            {
                "abstract": False,
                "ordering": ["sort_order", "name"],
                "verbose_name": VERBOSE_NAMES[model_name][0],
                "verbose_name_plural": VERBOSE_NAMES[model_name][1],
            },
        ),
        migrations.AlterField(
            model_name, "name", models.CharField(max_length=120, verbose_name="name")
        ),
        migrations.AlterField(
            model_name,
            "name_en",
            models.CharField(blank=True, max_length=120, verbose_name="name (English)"),
        ),
        migrations.AlterField(
            model_name,
            "slug",
            models.SlugField(
                help_text="Stable key used in spreadsheets and in the directory's filter links.",
                max_length=120,
                verbose_name="slug",
            ),
        ),
        migrations.AddField(model_name, "translation_key", models.UUIDField(null=True)),
        migrations.AddField(
            model_name,
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


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_seed_vocabularies"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *(op for name in VOCABULARIES for op in vocabulary_operations(name)),
        migrations.RenameField("partnerorganisation", "description_de", "description"),
        migrations.RenameField("partnerorganisation", "network_role_de", "network_role"),
        migrations.AlterField(
            "partnerorganisation",
            "description",
            models.TextField(blank=True, verbose_name="description"),
        ),
        migrations.AlterField(
            "partnerorganisation",
            "network_role",
            models.CharField(blank=True, max_length=300, verbose_name="role in the network"),
        ),
        migrations.AlterField(
            "partnerorganisation",
            "slug",
            models.SlugField(
                help_text="Stable key: the address of the partner's page and the key for imports.",
                max_length=100,
                verbose_name="slug",
            ),
        ),
        migrations.AddField("partnerorganisation", "translation_key", models.UUIDField(null=True)),
        migrations.AddField(
            "partnerorganisation",
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
