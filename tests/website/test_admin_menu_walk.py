"""Every admin menu item a role is shown leads somewhere it may go: walked as each role from
the sidebar Wagtail renders (the same JSON the menu is drawn from), so an item a new feature
shows to a role its view refuses makes this fail."""

import json
import re
from html.parser import HTMLParser

import pytest

from tests.factories import UserFactory
from tests.website.refusal import is_refused
from website import roles

pytestmark = pytest.mark.django_db

# Bulk actions act on the rows a user ticks (their buttons carry no ids until then); logging out
# ends the walk.
SKIPPED = ("/admin/bulk/", "/admin/logout/")
SIDEBAR = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S
)


def menu_urls(node) -> list[str]:
    """The site-relative URLs of every link in the sidebar's menu, submenus included."""
    found = []
    if isinstance(node, dict):
        url = node.get("url")
        if isinstance(url, str) and url.startswith("/"):
            found.append(url)
        for value in node.values():
            found.extend(menu_urls(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(menu_urls(value))
    return found


def sidebar_urls(client) -> list[str]:
    response = client.get("/admin/")
    assert response.status_code == 200
    match = SIDEBAR.search(response.content.decode())
    assert match, "the admin renders its sidebar"
    return sorted(set(menu_urls(json.loads(match.group(1)))))


class ButtonCollector(HTMLParser):
    """The admin links drawn as buttons (header actions, "Import ...", "Add ...") on a page."""

    def __init__(self):
        super().__init__()
        self.urls: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        href, classes = attrs.get("href") or "", (attrs.get("class") or "").split()
        if tag == "a" and href.startswith("/admin/") and "button" in classes:
            self.urls.add(href)


def buttons_on(response) -> set[str]:
    collector = ButtonCollector()
    collector.feed(response.content.decode())
    return collector.urls


def status(client, url: str) -> int:
    """200, or what refused it: the admin answers a refusal with a redirect to its dashboard."""
    response = client.get(url)
    if is_refused(response):
        return 403
    return client.get(url, follow=True).status_code


@pytest.mark.parametrize("role", list(roles.ROLE_PERMISSIONS))
def test_every_menu_item_and_button_shown_to_a_role_answers(client, home_pages, role):
    client.force_login(UserFactory(role=role))
    urls = sidebar_urls(client)
    assert "/admin/account/" in urls  # the walk found the menu
    answers = {url: status(client, url) for url in urls}
    buttons = set()
    for url in urls:
        buttons |= buttons_on(client.get(url, follow=True)) - set(urls)
    answers |= {url: status(client, url) for url in sorted(buttons) if not url.startswith(SKIPPED)}
    assert {url: code for url, code in answers.items() if code != 200} == {}
