"""The five themes and the editorial workflow "Redaktion → Moderation".

The roles' permissions are synced after every migrate from ``knowledge.roles``.

The workflow is not assigned here: every knowledge index page gets it when it is created (see
``knowledge.signals``), so only the knowledge base's subtree goes through moderation.
"""

from django.db import migrations

THEMES = [
    ("work", "Arbeit", "Work"),
    ("live", "Wohnen und Leben", "Live"),
    ("learn", "Lernen", "Learn"),
    ("connect", "Begegnung", "Connect"),
    ("plan", "Planung", "Plan"),
]

WORKFLOW_NAME = "Redaktion → Moderation"
TASK_NAME = "Moderation"
MODERATORS = "Moderators"


def create_themes(apps, schema_editor):
    Theme = apps.get_model("knowledge", "Theme")
    for order, (slug, name_de, name_en) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name_de": name_de, "name_en": name_en, "sort_order": order}
        )


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type)
    task.groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_themes, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, migrations.RunPython.noop),
    ]
