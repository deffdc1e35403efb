"""On the demo tree, as the demo logins: an Editor edits knowledge pages and is refused the
staff-only transfer form; a programme administrator edits forms, the partner directory and the
home pages. Wagtail's page rights hold for a page and all below it, so the home pages'
owners (programme administrators, rights on the root) reach the knowledge base too, while
Editors' and Moderators' rights sit on the knowledge indexes only. Loading the demo again
grants nothing twice."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page

import pytest

from tests.website.refusal import is_refused

pytestmark = pytest.mark.django_db


def load_demo() -> None:
    call_command("load_demo", force=True, cases=0, stdout=io.StringIO())


def edit(client, username: str, page: Page):
    client.force_login(get_user_model().objects.get(username=username))
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def test_each_role_edits_its_own_part_of_the_demo_tree(client):
    from knowledge.models import GoodPracticePage, KnowledgeIndexPage
    from partners.models import PartnerDirectoryPage

    load_demo()
    granted = set(GroupPagePermission.objects.values_list("group__name", "page_id", "permission"))
    load_demo()
    assert (
        set(GroupPagePermission.objects.values_list("group__name", "page_id", "permission"))
        == granted
    )

    transfer = Page.objects.get(slug="uebermittlungsbogen", locale__language_code="de")
    assert transfer.get_view_restrictions().exists()  # staff only
    good_practice = GoodPracticePage.objects.filter(locale__language_code="de").first()
    index = KnowledgeIndexPage.objects.get(locale__language_code="de")
    directory = PartnerDirectoryPage.objects.get(locale__language_code="de")
    home = Page.objects.get(depth=2, locale__language_code="de")

    for username in ("redaktion", "moderation"):
        for page in (transfer, directory, home):
            assert is_refused(edit(client, username, page)), (username, page)
        assert edit(client, username, good_practice).status_code == 200
        assert edit(client, username, index).status_code == 200
    for page in (transfer, directory, home, good_practice):
        assert edit(client, "programm", page).status_code == 200, page
    for page in (transfer, good_practice, home):
        assert is_refused(edit(client, "fallmanagement", page)), page
