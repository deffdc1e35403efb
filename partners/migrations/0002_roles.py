"""Programme administrators run the directory; every other staff role may read it."""

from django.db import migrations

from website.roles import ensure_permissions_exist, grant

READ = [
    "partners.view_partnerorganisation",
    "partners.view_service",
    "partners.view_city",
    "partners.view_targetgroup",
    "partners.view_language",
]

PERMISSIONS = {
    "Programme administrators": [
        "partners.add_partnerorganisation",
        "partners.change_partnerorganisation",
        "partners.delete_partnerorganisation",
        "partners.view_partnerorganisation",
        "partners.add_service",
        "partners.change_service",
        "partners.delete_service",
        "partners.view_service",
        "partners.add_city",
        "partners.change_city",
        "partners.delete_city",
        "partners.view_city",
        "partners.add_targetgroup",
        "partners.change_targetgroup",
        "partners.delete_targetgroup",
        "partners.view_targetgroup",
        "partners.add_language",
        "partners.change_language",
        "partners.delete_language",
        "partners.view_language",
        "partners.publish_partnerorganisation",
        "partners.lock_partnerorganisation",
        "partners.unlock_partnerorganisation",
        "partners.add_partnermembership",
        "partners.change_partnermembership",
        "partners.delete_partnermembership",
        "partners.view_partnermembership",
    ],
    "Case managers": READ,
    "Partner caseworkers": READ,
    "Editors": READ,
    "Moderators": READ,
}


def create_snippet_permissions(apps):
    """Wagtail adds publish/lock/unlock for snippets only after ``migrate``; the grant needs them now."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="partners", model="partnerorganisation"
    )
    for action in ("publish", "lock", "unlock"):
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_partnerorganisation",
            defaults={"name": f"Can {action} partner organisation"},
        )


def grant_roles(apps, schema_editor):
    ensure_permissions_exist(apps)
    create_snippet_permissions(apps)
    grant(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("website", "0003_roles_and_locales"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
