"""Every admin URL of the user, group and page-privacy views, and the users' bulk actions, walked
as a programme administrator: none offers the superuser box or a role above them, and no POST
grants either. The URLs come from the URL resolver, so a view Wagtail adds is walked too."""

import json
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import GroupCollectionPermission, GroupPagePermission, PageViewRestriction

import pytest

from tests.forms_app.factories import field, make_form_page, step
from website import roles
from website.models import HomePage

pytestmark = pytest.mark.django_db

User = get_user_model()
NAMESPACES = ("wagtailusers_users", "wagtailusers_groups")
SINGLE_VIEWS = ("wagtailadmin_pages:set_privacy", "wagtail_bulk_action")


def discovered_url_names() -> dict[str, list[str]]:
    """Every named URL pattern of the views under test, with the names of its arguments."""
    found = {}

    def walk(resolver: URLResolver, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = namespace + pattern.name
                if name.startswith(tuple(f"{ns}:" for ns in NAMESPACES)) or name in SINGLE_VIEWS:
                    found[name] = list(pattern.pattern.converters)

    walk(get_resolver(), "")
    return found


class ChoiceCollector(HTMLParser):
    """Collects every form control's name with the values offered for it, and each checkbox."""

    def __init__(self):
        super().__init__()
        self.offered: dict[str, set[str]] = {}
        self.checkboxes: set[str] = set()
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._select = attrs.get("name")
            self.offered.setdefault(self._select, set())
        elif tag == "option" and self._select:
            self.offered[self._select].add(attrs.get("value", ""))
        elif tag in ("input", "textarea") and attrs.get("name"):
            self.offered.setdefault(attrs["name"], set()).add(attrs.get("value", ""))
            if attrs.get("type") == "checkbox":
                self.checkboxes.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_controls(response) -> ChoiceCollector:
    content = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        content = json.loads(content).get("html") or ""
    collector = ChoiceCollector()
    collector.feed(content)
    return collector


def snapshot() -> dict:
    """Everything that says who may do what: accounts, memberships and every permission row."""
    return {
        "users": sorted(
            (u.pk, u.username, u.is_superuser, u.is_active, u.password) for u in User.objects.all()
        ),
        "memberships": sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        "groups": sorted(Group.objects.values_list("pk", "name")),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list("group_id", "permission_id")
        ),
        "user_permissions": sorted(
            User.user_permissions.through.objects.values_list("user_id", "permission_id")
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group_id", "collection_id", "permission_id"
            )
        ),
    }


@pytest.fixture
def pages(home_pages):
    home = HomePage.objects.get(locale__language_code="de")
    form = make_form_page(home, step("person", field("short_text", "name", "Name")))
    restriction = PageViewRestriction.objects.create(page=form, restriction_type="groups")
    restriction.groups.set(Group.objects.filter(name=roles.CASE_MANAGERS))
    return [home, form]


def walk_targets(name: str, arguments: list[str], accounts, pages) -> list[dict]:
    if name == "wagtail_bulk_action":
        actions = bulk_action_registry.get_bulk_actions_for_model("auth", "user")
        return [
            {"app_label": "auth", "model_name": "user", "action": action.action_type}
            for action in actions
        ]
    if not arguments:
        return [{}]
    if arguments == ["page_id"]:
        return [{"page_id": page.pk} for page in pages]
    if name.startswith("wagtailusers_groups:"):
        return [{"pk": group.pk} for group in Group.objects.all()]
    return [{"pk": account.pk} for account in accounts.values()]


def hostile_posts(name: str, kwargs: dict, accounts) -> list[tuple[str, dict]]:
    """POSTs that would grant superuser or a role above the programme administrators'."""
    top = Group.objects.get(name=roles.PROGRAMME_ADMINISTRATORS).pk
    if name == "wagtail_bulk_action":
        protected = [accounts[k] for k in ("programme", "other_programme", "superuser")]
        query = "?" + "&".join(f"id={account.pk}" for account in [*protected, accounts["editor"]])
        only_protected = "?" + "&".join(f"id={account.pk}" for account in protected)
        below = Group.objects.get(name=roles.EDITORS).pk
        return [
            (query, {"role": top, "mark_as_active": "True"}),
            (only_protected, {"role": below, "mark_as_active": "False"}),
        ]
    password = "ein-neues-langes-passwort-42"
    return [
        (
            "",
            {
                "username": "eindringling",
                "email": "eindringling@example.invalid",
                "first_name": "Ein",
                "last_name": "Dringling",
                "password1": password,
                "password2": password,
                "is_superuser": "on",
                "is_active": "on",
                "groups": [top],
                "name": "Neue Rolle",
                "permissions": list(Permission.objects.values_list("pk", flat=True)),
                "restriction_type": "groups",
            },
        )
    ]


def test_no_admin_url_grants_superuser_or_a_role_above_them(client, accounts, pages):
    names = discovered_url_names()
    expected = {"add", "edit", "delete", "copy", "index", "history", "usage"}
    assert {f"wagtailusers_users:{view}" for view in expected} <= set(names)
    assert {"wagtailusers_groups:add", "wagtailusers_groups:edit", *SINGLE_VIEWS} <= set(names)
    bulk_types = {
        action.action_type
        for action in bulk_action_registry.get_bulk_actions_for_model("auth", "user")
    }
    assert bulk_types >= {"assign_role", "set_active_state", "delete"}

    allowed = {
        str(pk)
        for pk in Group.objects.filter(
            name__in=roles.MANAGED_ROLES[roles.PROGRAMME_ADMINISTRATORS]
        ).values_list("pk", flat=True)
    }
    client.force_login(accounts["programme"])
    before = snapshot()
    walked = 0
    for name, arguments in names.items():
        for kwargs in walk_targets(name, arguments, accounts, pages):
            url = reverse(name, kwargs=kwargs)
            posts = hostile_posts(name, kwargs, accounts)
            response = client.get(url + posts[0][0])
            assert response.status_code < 500, url
            controls = form_controls(response)
            # The listing's filter "Administrator: yes/no" is a radio, the superuser box a checkbox.
            assert "is_superuser" not in controls.checkboxes, url
            choices = controls.offered
            if not name.startswith(("wagtailusers_groups:", "wagtailadmin_pages:")):
                for control in ("groups", "role"):  # the privacy form lists groups to restrict to
                    assert choices.get(control, set()) - {""} <= allowed, (url, control)

            for query, data in posts:
                response = client.post(url + query, data)
                assert response.status_code < 500, url
                assert snapshot() == before, (url, query)
            walked += 1
    assert walked > 50
    assert not User.objects.filter(username="eindringling").exists()
