"""A case manager's first login: the admin asks for an authenticator, shows a QR code and key,
takes the app's code, shows the recovery codes once, and then lets them in."""

import re
from base64 import b32decode

from django.test import override_settings

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations
from tests.factories import DEFAULT_PASSWORD
from website.roles import CASE_MANAGERS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def code_for(secret: str) -> str:
    return f"{totp(b32decode(secret)):06d}"


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_case_manager_enrols_a_second_factor_at_first_login(browser_page, make_user):
    make_user(CASE_MANAGERS, username="fatma")
    page = browser_page
    page.visit("/admin/login/")
    page.fill("input[name=username]", "fatma")
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/two-factor/setup/**")
    assert page.locator("figure.two-factor__qr svg").count() == 1
    assert serious_violations(page.page) == []
    page.screenshot_to("two-factor-setup")

    secret = page.locator(".two-factor__secret").inner_text()
    page.fill("input[name=code]", code_for(secret))
    page.click("main form button[type=submit]")
    expect(page.locator(".two-factor__codes code")).to_have_count(10)  # waits for the page
    codes = page.locator(".two-factor__codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"\w+", code) for code in codes)
    page.screenshot_to("two-factor-recovery-codes")
    page.get_by_role("link", name=re.compile("continue|weiter", re.IGNORECASE)).click()
    page.wait_for_url(page.base_url + "/admin/")
    assert page.locator("#main").count() == 1
