"""The roles people have in the programme, as Django groups with their permissions.

Migrations call :func:`sync_role` with the historical app registry, so every installation has
the groups. A feature app declares what each role may do with its models in its own
``<app>/roles.py`` as ``MODEL_PERMISSIONS = {role name: ["app_label.codename", ...]}`` and grants
it in a data migration with :func:`grant`; :func:`declared_model_permissions` adds them all up,
which is what the tests hold every group to.
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

# Per role: model permissions ("app_label.codename"), page permissions on the tree's root (so on
# every page), and collection permissions (images and documents) on the root collection.
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
            "simple_translation.submit_translation",
        ],
        "page": ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
        "collection": _IMAGES + _DOCUMENTS,
    },
    CASE_MANAGERS: {
        "model": ["wagtailadmin.access_admin"],
        "page": [],
        "collection": [],
    },
    PARTNER_CASEWORKERS: {
        "model": ["wagtailadmin.access_admin"],
        "page": [],
        "collection": [],
    },
    # Editors and Moderators work on pages in the knowledge base only: their page permissions
    # are on each knowledge index page (``knowledge.roles.PAGE_PERMISSIONS``), not the root.
    EDITORS: {
        "model": ["wagtailadmin.access_admin", "simple_translation.submit_translation"],
        "page": [],
        "collection": ["add_image", "choose_image", "add_document", "choose_document"],
    },
    MODERATORS: {
        "model": ["wagtailadmin.access_admin", "simple_translation.submit_translation"],
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


def grant(apps, permissions_by_role: dict[str, list[str]]) -> None:
    """Add model permissions to roles, from an app's data migration (idempotent)."""
    Group = apps.get_model("auth", "Group")
    ensure_permissions_exist(apps)
    for role, labels in permissions_by_role.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*[_permission(apps, label) for label in labels])


def ensure_permissions_exist(apps) -> None:
    """Create content types and permissions now; Django would only do it after ``migrate``."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, label: str):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def sync_role(apps, name: str, spec: dict[str, list[str]]) -> None:
    """Make group ``name`` hold exactly the permissions in ``spec`` (idempotent)."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.set([_permission(apps, label) for label in spec["model"]])

    root_page = Page.objects.get(depth=1)
    # Only the root's: an app's page permissions on its own pages are that app's to keep.
    GroupPagePermission.objects.filter(group=group, page=root_page).delete()
    for kind in spec["page"]:
        GroupPagePermission.objects.create(
            group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{kind}_page")
        )

    root_collection = Collection.objects.get(depth=1)
    GroupCollectionPermission.objects.filter(group=group).delete()
    for codename in spec["collection"]:
        app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
        GroupCollectionPermission.objects.create(
            group=group,
            collection=root_collection,
            permission=_permission(apps, f"{app_label}.{codename}"),
        )
