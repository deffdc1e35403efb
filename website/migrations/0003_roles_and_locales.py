"""Both content locales. (The roles' groups are synced after every migrate by
``website.roles.sync_roles``; this migration once made them and no longer needs to.)"""

from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_home_page"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
