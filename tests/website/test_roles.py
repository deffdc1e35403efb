"""The roles exist on every installation (synced after migrate) with exactly their permissions."""

from django.contrib.auth.models import Group

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

import pytest

from website import roles

pytestmark = pytest.mark.django_db


def model_permissions(group: Group) -> set[str]:
    return {
        f"{perm.content_type.app_label}.{perm.codename}"
        for perm in group.permissions.select_related("content_type")
    }


def page_permissions(group: Group) -> set[str]:
    return {
        gpp.permission.codename.removesuffix("_page")
        for gpp in GroupPagePermission.objects.filter(group=group, page__depth=1)
    }


def collection_permissions(group: Group) -> set[str]:
    return {
        gcp.permission.codename
        for gcp in GroupCollectionPermission.objects.filter(group=group, collection__depth=1)
    }


@pytest.mark.parametrize("name", list(roles.ROLE_PERMISSIONS))
def test_each_role_group_holds_exactly_its_permissions(name):
    group = Group.objects.get(name=name)
    spec = roles.ROLE_PERMISSIONS[name]
    assert model_permissions(group) == roles.declared_model_permissions()[name]
    assert page_permissions(group) == set(spec["page"])
    assert collection_permissions(group) == set(spec["collection"])


def test_every_role_may_enter_the_admin(make_user):
    for name in roles.ROLE_PERMISSIONS:
        assert make_user(name).has_perm("wagtailadmin.access_admin"), name


def test_editors_and_moderators_hold_no_rights_outside_the_knowledge_base(make_user):
    """Their rights are on each knowledge index page (tests/knowledge/test_page_rights.py)."""
    home = Page.objects.get(depth=2)
    for name in (roles.EDITORS, roles.MODERATORS):
        assert not home.permissions_for_user(make_user(name)).can_edit()


def test_casework_roles_cannot_touch_pages_or_users(make_user):
    home = Page.objects.get(depth=2)
    for name in (roles.CASE_MANAGERS, roles.PARTNER_CASEWORKERS):
        user = make_user(name)
        assert not home.permissions_for_user(user).can_edit()
        assert not user.has_perm("auth.change_user")


def test_programme_administrators_manage_pages_and_staff_accounts(make_user):
    admin = make_user(roles.PROGRAMME_ADMINISTRATORS)
    home = Page.objects.get(depth=2)
    assert home.permissions_for_user(admin).can_publish()
    assert admin.has_perm("auth.add_user")
    assert not admin.is_superuser


def test_role_sync_is_idempotent():
    roles.sync_roles()
    roles.sync_roles()
    assert Group.objects.filter(name__in=list(roles.ROLE_PERMISSIONS)).count() == 5
    admins = GroupPagePermission.objects.filter(group__name=roles.PROGRAMME_ADMINISTRATORS)
    assert admins.count() == len(roles.ROLE_PERMISSIONS[roles.PROGRAMME_ADMINISTRATORS]["page"])


def test_a_permission_taken_from_a_group_by_hand_comes_back_on_sync():
    group = Group.objects.get(name=roles.CASE_MANAGERS)
    group.permissions.clear()
    roles.sync_roles()
    assert model_permissions(group) == roles.declared_model_permissions()[roles.CASE_MANAGERS]
