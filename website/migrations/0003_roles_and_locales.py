"""Every installation gets the programme's roles as groups, and both content locales."""

from django.db import migrations

from website.roles import ROLE_PERMISSIONS, ensure_permissions_exist, sync_role


def create_roles_and_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)

    ensure_permissions_exist(apps)
    for name, spec in ROLE_PERMISSIONS.items():
        sync_role(apps, name, spec)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_home_page"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles_and_locales, migrations.RunPython.noop)]
