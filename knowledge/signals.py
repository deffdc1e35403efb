"""Every new knowledge index page (in any language) goes through the editorial workflow, and
Editors and Moderators get their page rights on it."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from .models import KnowledgeIndexPage
from .roles import PAGE_PERMISSIONS

WORKFLOW_NAME = "Redaktion → Moderation"


@receiver(post_save, sender=KnowledgeIndexPage)
def assign_editorial_workflow(sender, instance: KnowledgeIndexPage, created: bool, **kwargs):
    """Editors' drafts under the index need a Moderator's approval before they go live.

    Scoped to the knowledge base rather than the whole site, so other apps' pages (e.g. the
    partner directory) keep their own publishing rules. An index that already has a
    workflow, or a site without this one (deleted by an administrator), is left alone.
    """
    if not created or kwargs.get("raw"):
        return
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


@receiver(post_save, sender=KnowledgeIndexPage)
def grant_editorial_rights(sender, instance: KnowledgeIndexPage, created: bool, **kwargs):
    """Editors and Moderators work on the knowledge base's subtree and nowhere else.

    Wagtail's page permissions hold for a page and everything below it, so the index page is
    where the knowledge base's rights go; this runs for translations and copies of it too.
    """
    if not created or kwargs.get("raw"):
        return
    for role, kinds in PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:  # the role was deleted on this installation
            continue
        for kind in kinds:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{kind}_page"
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=instance, permission=permission
            )
