"""Editors and Moderators keep their page rights on the knowledge indexes only, not the root.

Issue 8: with rights on the root, Moderators lifted the intake form's staff-only restriction.
New indexes get the rights when they are created (``knowledge.signals``); this moves them on an
installation that has indexes already. The rights are frozen here as ``knowledge.roles`` says
them today. It lives with the roles (not in ``knowledge``) so that it needs no more than the
knowledge app's first migrations.
"""

from django.db import migrations

PAGE_PERMISSIONS = {
    "Editors": ["add", "change", "lock"],
    "Moderators": ["add", "change", "publish", "lock", "unlock"],
}


def move_editorial_rights_to_knowledge(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    KnowledgeIndexPage = apps.get_model("knowledge", "KnowledgeIndexPage")

    index_ids = list(KnowledgeIndexPage.objects.values_list("pk", flat=True))
    for role, kinds in PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        GroupPagePermission.objects.filter(group=group).exclude(page_id__in=index_ids).delete()
        for kind in kinds:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=f"{kind}_page"
            ).first()
            if permission is None:
                continue
            for page_id in index_ids:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=page_id, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0004_private_collection"),
        ("knowledge", "0002_themes_workflow_roles"),
    ]

    operations = [
        migrations.RunPython(move_editorial_rights_to_knowledge, migrations.RunPython.noop),
    ]
