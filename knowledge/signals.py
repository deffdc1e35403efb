"""Every new knowledge index page (in any language) goes through the editorial workflow."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Workflow, WorkflowPage

from .models import KnowledgeIndexPage

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
