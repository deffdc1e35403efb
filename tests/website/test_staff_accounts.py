"""Programme administrators manage the staff accounts of the roles below them, nothing more."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from tests.factories import DEFAULT_PASSWORD
from tests.website.refusal import is_refused
from website import roles

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "ein-neues-langes-passwort-42"


def group_id(name: str) -> int:
    return Group.objects.get(name=name).pk


def account_data(username: str, *group_names: str, **extra) -> dict:
    return {
        "username": username,
        "email": f"{username}@example.invalid",
        "first_name": "Neu",
        "last_name": "Konto",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "is_active": "on",
        "groups": [group_id(name) for name in group_names],
        **extra,
    }


def test_the_create_form_offers_no_superuser_box_and_only_the_roles_below(programme_client):
    response = programme_client.get(reverse("wagtailusers_users:add"))
    assert response.status_code == 200
    form = response.context["form"]
    assert "is_superuser" not in form.fields
    assert 'name="is_superuser"' not in response.content.decode()
    offered = set(form.fields["groups"].queryset.values_list("name", flat=True))
    assert offered == set(roles.MANAGED_ROLES[roles.PROGRAMME_ADMINISTRATORS])
    assert roles.PROGRAMME_ADMINISTRATORS not in offered


def test_a_posted_superuser_flag_is_ignored(programme_client):
    data = account_data("neu", roles.EDITORS, is_superuser="on")
    response = programme_client.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 302
    created = User.objects.get(username="neu")
    assert not created.is_superuser
    assert set(created.groups.values_list("name", flat=True)) == {roles.EDITORS}


def test_the_programme_administrators_role_cannot_be_given(programme_client):
    data = account_data("neu", roles.PROGRAMME_ADMINISTRATORS)
    response = programme_client.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 200
    assert "groups" in response.context["form"].errors
    assert not User.objects.filter(username="neu").exists()


@pytest.mark.parametrize("target", ["superuser", "other_programme", "programme"])
def test_superusers_peers_and_oneself_cannot_be_edited(programme_client, accounts, target):
    account = accounts[target]
    url = reverse("wagtailusers_users:edit", args=[account.pk])
    assert is_refused(programme_client.get(url))
    data = account_data(account.username, roles.EDITORS)
    assert is_refused(programme_client.post(url, data))
    account.refresh_from_db()
    assert account.check_password(DEFAULT_PASSWORD)
    assert account.groups.filter(name=roles.EDITORS).count() == 0


def test_a_superusers_password_cannot_be_reset(programme_client, accounts):
    """The probe: ``POST /admin/users/edit/1/`` changed the password of the superuser."""
    admin = accounts["superuser"]
    data = account_data(admin.username, is_superuser="on")
    programme_client.post(reverse("wagtailusers_users:edit", args=[admin.pk]), data)
    admin.refresh_from_db()
    assert admin.check_password(DEFAULT_PASSWORD)
    assert not admin.check_password(NEW_PASSWORD)


def test_an_editor_account_can_be_edited_within_the_roles_below(programme_client, accounts):
    editor = accounts["editor"]
    url = reverse("wagtailusers_users:edit", args=[editor.pk])
    response = programme_client.get(url)
    assert response.status_code == 200
    assert "is_superuser" not in response.context["form"].fields

    data = account_data(editor.username, roles.MODERATORS, is_superuser="on")
    assert programme_client.post(url, data).status_code == 302
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert set(editor.groups.values_list("name", flat=True)) == {roles.MODERATORS}
    assert editor.check_password(NEW_PASSWORD)

    data = account_data(editor.username, roles.PROGRAMME_ADMINISTRATORS)
    assert programme_client.post(url, data).status_code == 200
    assert set(editor.groups.values_list("name", flat=True)) == {roles.MODERATORS}


def test_the_listing_links_only_the_accounts_they_may_edit(programme_client, accounts):
    content = programme_client.get(reverse("wagtailusers_users:index")).content.decode()
    for name in ("editor", "case_manager"):
        assert reverse("wagtailusers_users:edit", args=[accounts[name].pk]) in content
    for name in ("superuser", "other_programme", "programme"):
        assert reverse("wagtailusers_users:edit", args=[accounts[name].pk]) not in content


def bulk_url(action: str, *users) -> str:
    ids = "&".join(f"id={user.pk}" for user in users)
    return reverse("wagtail_bulk_action", args=["auth", "user", action]) + "?" + ids


def test_bulk_assign_role_offers_only_the_roles_below_and_skips_protected(
    programme_client, accounts
):
    me, admin, editor = accounts["programme"], accounts["superuser"], accounts["editor"]
    url = bulk_url("assign_role", me, admin, editor)
    form = programme_client.get(url).context["form"]
    assert set(form.fields["role"].queryset.values_list("name", flat=True)) == set(
        roles.MANAGED_ROLES[roles.PROGRAMME_ADMINISTRATORS]
    )

    programme_client.post(url, {"role": group_id(roles.PROGRAMME_ADMINISTRATORS)})
    assert not editor.groups.filter(name=roles.PROGRAMME_ADMINISTRATORS).exists()

    programme_client.post(url, {"role": group_id(roles.MODERATORS)})
    assert editor.groups.filter(name=roles.MODERATORS).exists()
    assert not me.groups.filter(name=roles.MODERATORS).exists()
    assert not admin.groups.filter(name=roles.MODERATORS).exists()


def test_bulk_deactivation_skips_superusers_and_peers(programme_client, accounts):
    protected = [accounts["superuser"], accounts["other_programme"]]
    url = bulk_url("set_active_state", *protected, accounts["editor"])
    programme_client.post(url, {"mark_as_active": "False"})
    for account in protected:
        account.refresh_from_db()
        assert account.is_active
    accounts["editor"].refresh_from_db()
    assert not accounts["editor"].is_active


def test_superusers_keep_wagtails_full_user_management(client, accounts):
    client.force_login(accounts["superuser"])
    response = client.get(reverse("wagtailusers_users:edit", args=[accounts["programme"].pk]))
    assert response.status_code == 200
    assert "is_superuser" in response.context["form"].fields
    assert response.context["form"].fields["groups"].queryset.count() == Group.objects.count()


def test_group_permissions_stay_out_of_reach(programme_client):
    group = Group.objects.get(name=roles.EDITORS)
    for name, args in (("add", []), ("edit", [group.pk]), ("delete", [group.pk])):
        assert is_refused(programme_client.get(reverse(f"wagtailusers_groups:{name}", args=args)))


def test_the_group_listing_names_the_roles_in_the_users_language(client, accounts):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(accounts["superuser"])
    profile.preferred_language = "de"
    profile.save()
    client.force_login(accounts["superuser"])
    listing = client.get(reverse("wagtailusers_groups:index")).content.decode()
    assert "Redaktion" in listing
    assert "Fallmanagement" in listing
    assert "Partner caseworkers" not in listing
