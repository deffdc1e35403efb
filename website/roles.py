"""The roles people have in the programme, as Django groups with their permissions.

This module is the one place that says what each role may do. A feature app declares what each
role may do with its own models in ``<app>/roles.py`` as
``MODEL_PERMISSIONS = {role name: ["app_label.codename", ...]}``. After every ``migrate``,
:func:`sync_roles` makes each group hold exactly what is declared (see ``WebsiteConfig.ready``),
so no migration copies permissions by hand or imports this module.
"""

from importlib import import_module
from importlib.util import find_spec

from django.utils.translation import gettext_lazy as _

PROGRAMME_ADMINISTRATORS = "Programme administrators"
CASE_MANAGERS = "Case managers"
PARTNER_CASEWORKERS = "Partner caseworkers"
EDITORS = "Editors"
MODERATORS = "Moderators"

ROLE_LABELS = {
    PROGRAMME_ADMINISTRATORS: _("Programme administrators"),
    CASE_MANAGERS: _("Case managers"),
    PARTNER_CASEWORKERS: _("Partner caseworkers"),
    EDITORS: _("Editors"),
    MODERATORS: _("Moderators"),
}

# Whose staff accounts a role manages (creates, edits, assigns roles to): the roles below it.
# A manager may edit an account only if every role it holds is listed here for the manager, and
# never a superuser's or their own; so programme administrators do not edit each other.
MANAGED_ROLES: dict[str, list[str]] = {
    PROGRAMME_ADMINISTRATORS: [CASE_MANAGERS, PARTNER_CASEWORKERS, EDITORS, MODERATORS],
}

_IMAGES = ["add_image", "change_image", "delete_image", "choose_image"]
_DOCUMENTS = ["add_document", "change_document", "delete_document", "choose_document"]

# Per role: model permissions ("app_label.codename", including those on the generic form
# engine's models, which knows no roles), page permissions on the tree's root (so on every
# page), and collection permissions (images and documents) on the root collection.
ROLE_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    PROGRAMME_ADMINISTRATORS: {
        "model": [
            "wagtailadmin.access_admin",
            "auth.add_user",
            "auth.change_user",
            "auth.view_user",
            "auth.view_group",
            "wagtailcore.add_collection",
            "wagtailcore.change_collection",
            "wagtailcore.view_collection",
            "wagtailcore.add_locale",
            "wagtailcore.change_locale",
            "wagtailcore.view_locale",
            "wagtailcore.add_workflow",
            "wagtailcore.change_workflow",
            "wagtailcore.add_task",
            "wagtailcore.change_task",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            "wagtail_localize.submit_translation",
            "website.change_siteidentity",  # logo, share image, footer's legal pages
            "axes.view_accessattempt",
            "axes.delete_accessattempt",
            *[
                f"forms_app.{action}_{model}"
                for model in ("formsubmission", "formdraft")
                for action in ("add", "change", "view", "delete")
            ],
            *[
                f"dashboards.{action}_historicalfigure"
                for action in ("add", "change", "view", "delete")
            ],
        ],
        "page": ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
        "collection": _IMAGES + _DOCUMENTS,
    },
    # Staff who fill wizards see only what they submitted themselves: "view" means every
    # submission of every form (health answers included), which is for administrators alone.
    CASE_MANAGERS: {
        "model": ["wagtailadmin.access_admin", "forms_app.add_formsubmission"],
        "page": [],
        "collection": [],
    },
    PARTNER_CASEWORKERS: {
        "model": ["wagtailadmin.access_admin", "forms_app.add_formsubmission"],
        "page": [],
        "collection": [],
    },
    # Editors and Moderators work on pages in the knowledge base only: their page permissions
    # are on each knowledge index page (``knowledge.roles.PAGE_PERMISSIONS``), not the root.
    EDITORS: {
        "model": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
        "page": [],
        "collection": ["add_image", "choose_image", "add_document", "choose_document"],
    },
    MODERATORS: {
        "model": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
        "page": [],
        "collection": _IMAGES + _DOCUMENTS,
    },
}


def roles_managed_by(user) -> set[str]:
    """The names of the roles whose members ``user`` may manage (all groups for superusers)."""
    from django.contrib.auth.models import Group

    if user.is_superuser:
        return set(Group.objects.values_list("name", flat=True))
    held = user.groups.values_list("name", flat=True)
    return {managed for role in held for managed in MANAGED_ROLES.get(role, [])}


def declared_model_permissions() -> dict[str, set[str]]:
    """Each role's model permissions: the base ones above plus every installed app's."""
    from django.apps import apps

    declared = {name: set(spec["model"]) for name, spec in ROLE_PERMISSIONS.items()}
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.roles"
        if app_config.name != __name__.rpartition(".")[0] and find_spec(module_name):
            for role, labels in import_module(module_name).MODEL_PERMISSIONS.items():
                declared[role].update(labels)
    return declared


def sync_roles_after_migrate(sender, app_config, using, **kwargs) -> None:
    """``post_migrate`` receiver: sync once, after the last app's own receivers have run.

    Django sends ``post_migrate`` once per app with models, in ``INSTALLED_APPS`` order; the
    permissions Django and Wagtail create in their receivers (model and snippet permissions)
    exist only once the last app's signal has been sent.
    """
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if app_config is last:
        sync_roles(using=using)


def sync_roles(using: str = "default") -> None:
    """Make every role's group hold exactly its declared permissions (idempotent)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from wagtail.snippets.models import create_extra_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    # Snippets registered through admin viewsets are known only once the admin's URLs have
    # been loaded (a bare `migrate` has not); their publish/lock/unlock permissions need them.
    import_module("wagtail.admin.urls")
    create_extra_permissions(apps.get_app_config("wagtailsnippets"), using=using)
    declared = declared_model_permissions()
    for name, spec in ROLE_PERMISSIONS.items():
        sync_role(name, {**spec, "model": sorted(declared[name])}, using=using)


def _permission(label: str, using: str):
    from django.contrib.auth.models import Permission

    app_label, codename = label.split(".")
    return Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)


def sync_role(name: str, spec: dict[str, list[str]], using: str = "default") -> None:
    """Make group ``name`` hold exactly the permissions in ``spec`` (idempotent)."""
    from django.contrib.auth.models import Group

    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    group, _created = Group.objects.using(using).get_or_create(name=name)
    group.permissions.set([_permission(label, using) for label in spec["model"]])

    root_page = Page.objects.using(using).get(depth=1)
    # Only the root's: an app's page permissions on its own pages are that app's to keep.
    GroupPagePermission.objects.using(using).filter(group=group, page=root_page).delete()
    for kind in spec["page"]:
        GroupPagePermission.objects.using(using).create(
            group=group, page=root_page, permission=_permission(f"wagtailcore.{kind}_page", using)
        )

    root_collection = Collection.objects.using(using).get(depth=1)
    GroupCollectionPermission.objects.using(using).filter(
        group=group, collection=root_collection
    ).delete()
    for codename in spec["collection"]:
        app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
        GroupCollectionPermission.objects.using(using).create(
            group=group,
            collection=root_collection,
            permission=_permission(f"{app_label}.{codename}", using),
        )
