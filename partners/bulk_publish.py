"""A "Publish" bulk action on the partner listing: how drafts (an import saved as drafts, or
edits saved with "Save draft") go live together, each as Wagtail's own publish does it."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import PartnerOrganisation


class PublishPartnersBulkAction(SnippetBulkAction):
    display_name = _("Publish")
    action_type = "publish"
    aria_label = _("Publish selected partners")
    template_name = "partners/admin/confirm_bulk_publish.html"
    action_priority = 20
    models = [PartnerOrganisation]

    def check_perm(self, snippet) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "publish", snippet
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        published = 0
        for partner in objects:
            if partner.latest_revision_id is None:
                partner.save_revision(user=user)
            elif partner.live and not partner.has_unpublished_changes:
                continue
            partner.get_latest_revision().publish(user=user)
            published += 1
        return published, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d partner published.", "%(count)d partners published.", num_parent_objects
        ) % {"count": num_parent_objects}
