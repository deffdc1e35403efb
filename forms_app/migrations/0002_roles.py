from django.db import migrations


def grant_form_permissions(apps, schema_editor):
    from website.roles import grant

    grant(
        apps,
        {
            "Programme administrators": [
                "forms_app.add_formsubmission",
                "forms_app.change_formsubmission",
                "forms_app.view_formsubmission",
                "forms_app.delete_formsubmission",
                "forms_app.add_formdraft",
                "forms_app.change_formdraft",
                "forms_app.view_formdraft",
                "forms_app.delete_formdraft",
            ],
            "Case managers": ["forms_app.add_formsubmission"],
            "Partner caseworkers": ["forms_app.add_formsubmission"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0001_initial"),
        ("website", "0003_roles_and_locales"),
    ]

    operations = [migrations.RunPython(grant_form_permissions, migrations.RunPython.noop)]
