from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _

from wagtail import hooks

from .bulk_publish import PublishPartnersBulkAction
from .models import PartnerOrganisation
from .views import AddSynonymView, ConfirmImportView, ImportView, TemplateView
from .viewsets import NetworkViewSetGroup


@hooks.register("register_admin_viewset")
def register_network_viewsets():
    return NetworkViewSetGroup()


hooks.register("register_bulk_action", PublishPartnersBulkAction)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("partners/import/", ImportView.as_view(), name="partners_import"),
        path(
            "partners/import/confirm/", ConfirmImportView.as_view(), name="partners_import_confirm"
        ),
        path("partners/import/synonym/", AddSynonymView.as_view(), name="partners_import_synonym"),
        path(
            "partners/import/template.xlsx", TemplateView.as_view(), name="partners_import_template"
        ),
    ]


@hooks.register("before_delete_snippet")
def keep_partners_with_history(request, instances):
    """A partner that was ever published or has members is deactivated, never deleted."""
    kept = [
        instance
        for instance in instances
        if isinstance(instance, PartnerOrganisation) and instance.has_history()
    ]
    if not kept:
        return None
    messages.error(
        request,
        _(
            "%(names)s cannot be deleted because it has a history in the network. "
            "Untick “active” instead: the partner disappears from the directory and its "
            "history is kept."
        )
        % {"names": ", ".join(partner.name for partner in kept)},
    )
    return redirect("wagtailsnippets_partners_partnerorganisation:list")
