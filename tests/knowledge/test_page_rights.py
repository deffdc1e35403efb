"""Editors and Moderators have page rights in the knowledge base only; forms, the partner
directory and the home pages are the programme administrators'."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, PageViewRestriction

import pytest

from knowledge import roles as knowledge_roles
from partners.models import PartnerDirectoryPage
from tests.factories import UserFactory
from tests.forms_app.factories import field, make_form_page, step
from tests.knowledge.factories import GoodPracticeFactory, KnowledgeIndexFactory
from tests.website.refusal import is_refused
from website import roles
from website.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_form(german_home):
    """A published form that only staff may open, like the intake wizard."""
    page = make_form_page(german_home, step("person", field("short_text", "name", "Name")))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=roles.CASE_MANAGERS))
    return page


@pytest.fixture
def directory(german_home):
    page = german_home.add_child(instance=PartnerDirectoryPage(title="Partner", slug="partner"))
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("role", [roles.EDITORS, roles.MODERATORS])
def test_forms_partner_directory_and_home_are_out_of_reach(role, staff_form, directory):
    user = UserFactory(role=role)
    for page in (staff_form, directory, HomePage.objects.get(locale__language_code="de")):
        perms = page.permissions_for_user(user)
        assert not perms.can_edit(), page
        assert not perms.can_publish(), page
        assert not perms.can_set_view_restrictions(), page


@pytest.mark.parametrize("role", [roles.EDITORS, roles.MODERATORS])
def test_the_privacy_of_a_form_cannot_be_lifted(client, role, staff_form):
    """The probe: a Moderator removed the intake form's staff-only restriction."""
    client.force_login(UserFactory(role=role))
    url = reverse("wagtailadmin_pages:set_privacy", args=[staff_form.pk])
    assert is_refused(client.get(url))
    assert is_refused(client.post(url, {"restriction_type": "none"}))
    assert PageViewRestriction.objects.filter(page=staff_form).exists()
    client.logout()
    assert client.get(staff_form.url).status_code != 200


def test_programme_administrators_set_a_forms_privacy(client, staff_form):
    client.force_login(UserFactory(role=roles.PROGRAMME_ADMINISTRATORS))
    url = reverse("wagtailadmin_pages:set_privacy", args=[staff_form.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"restriction_type": "login"}).status_code == 200
    assert PageViewRestriction.objects.get(page=staff_form).restriction_type == "login"


def test_editors_draft_and_moderators_publish_in_the_knowledge_base(knowledge_index):
    editor, moderator = UserFactory(role=roles.EDITORS), UserFactory(role=roles.MODERATORS)
    entry = GoodPracticeFactory(parent=knowledge_index)
    for page in (knowledge_index, entry):
        assert page.permissions_for_user(editor).can_edit()
        assert not page.permissions_for_user(editor).can_publish()
        assert page.permissions_for_user(moderator).can_publish()
    assert knowledge_index.permissions_for_user(editor).can_add_subpage()


def assert_declared_rights(index: Page) -> None:
    for role, kinds in knowledge_roles.PAGE_PERMISSIONS.items():
        held = GroupPagePermission.objects.filter(group__name=role, page=index)
        assert {gpp.permission.codename.removesuffix("_page") for gpp in held} == set(kinds)


def test_every_knowledge_index_carries_exactly_the_declared_rights(knowledge_index, english_index):
    assert_declared_rights(knowledge_index)
    assert_declared_rights(english_index)


def test_existing_knowledge_indexes_are_granted_by_the_migration(german_home):
    """An installation from before: rights at the root, an index without its own."""
    from importlib import import_module

    migration = import_module("website.migrations.0005_editorial_rights_on_knowledge_only")
    index = KnowledgeIndexFactory(parent=german_home)
    GroupPagePermission.objects.filter(page=index).delete()
    editors = Group.objects.get(name=roles.EDITORS)
    root = Page.objects.get(depth=1)
    GroupPagePermission.objects.create(group=editors, page=root, permission_type="change")

    migration.move_editorial_rights_to_knowledge(apps, None)

    assert not GroupPagePermission.objects.filter(group=editors, page=root).exists()
    assert_declared_rights(index)


def test_syncing_the_roles_keeps_the_knowledge_rights(knowledge_index):
    roles.sync_roles()
    assert_declared_rights(knowledge_index)
