"""In chromium: a programme administrator adds a staff account with the roles below them only."""

from django.contrib.auth import get_user_model
from django.utils import translation

import pytest

from website import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_user_create_page_offers_only_the_roles_below(browser_page, make_user, home_pages):
    make_user(roles.PROGRAMME_ADMINISTRATORS, username="paula")
    browser_page.login("paula")
    browser_page.visit("/admin/users/new/")
    page = browser_page.page
    page.fill("#id_username", "neue.redakteurin")
    page.fill("#id_email", "neue.redakteurin@example.invalid")
    page.fill("#id_first_name", "Nora")
    page.fill("#id_last_name", "Neu")
    page.fill("#id_password1", "ein-langes-neues-passwort")
    page.fill("#id_password2", "ein-langes-neues-passwort")
    page.locator("#tab-label-roles").click()
    roles_tab = page.locator("#tab-roles")
    roles_tab.wait_for(state="visible")
    browser_page.screenshot_to("admin-user-create-roles")

    assert page.locator("input[name=is_superuser]").count() == 0
    boxes = roles_tab.locator("input[name=groups]")
    labels = {
        roles_tab.locator(f"label[for={boxes.nth(i).get_attribute('id')}]").inner_text()
        for i in range(boxes.count())
    }
    # Shown by their German names: Fallmanagement, Fachkräfte der Partner, Redaktion, Moderation
    with translation.override("de"):
        expected = {
            str(roles.ROLE_LABELS[name])
            for name in roles.MANAGED_ROLES[roles.PROGRAMME_ADMINISTRATORS]
        }
    assert {label.strip() for label in labels} == expected

    roles_tab.get_by_label("Redaktion").check()
    page.get_by_role("button", name="Erstellen").click()
    page.wait_for_url(f"{browser_page.base_url}/admin/users/")
    created = get_user_model().objects.get(username="neue.redakteurin")
    assert not created.is_superuser
    assert list(created.groups.values_list("name", flat=True)) == [roles.EDITORS]
