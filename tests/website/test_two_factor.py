"""The second factor: every staff account enrols an authenticator at its first login, enters a
code at every login, may fall back on single-use recovery codes, and is reset only by an
administrator who manages it, never by the person themselves."""

import re
from base64 import b32decode

from django.core import mail
from django.test import override_settings

from wagtail.models import ModelLogEntry

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import DEFAULT_PASSWORD
from website.roles import CASE_MANAGERS, PARTNER_CASEWORKERS, PROGRAMME_ADMINISTRATORS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]

SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture
def two_factor_on():
    with override_settings(TWO_FACTOR_REQUIRED=True):
        yield


def current_code(device, offset: int = 0) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    if offset:
        code = totp(
            device.bin_key,
            step=device.step,
            t0=device.t0 - offset * device.step,
            digits=device.digits,
        )
    return f"{code:0{device.digits}d}"


def enrolled(user) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    from website.two_factor.views import issue_recovery_codes

    device.recovery_codes = issue_recovery_codes(user)
    return device


def test_first_login_leads_to_enrolment_and_nothing_else(client, make_user):
    client.force_login(make_user(CASE_MANAGERS))
    for path in ("/admin/", "/admin/cases/", "/admin/forms-app/", "/admin/pages/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(SETUP + "?next=")
    assert client.get("/")["Location"].startswith(SETUP)  # the public site too
    assert client.get(SETUP).status_code == 200


def test_enrolment_shows_a_qr_code_and_key_then_recovery_codes_once(client, make_user):
    user = make_user(CASE_MANAGERS)
    client.force_login(user)
    page = client.get(SETUP + "?next=/admin/cases/").content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'two-factor__secret">([A-Z2-7]+)<', page).group(1)
    assert b32decode(secret) == device.bin_key
    # Reloading keeps the same key, so a half-finished enrolment does not need a new scan.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=user).count() == 1

    wrong = client.post(SETUP, {"code": "000000", "next": "/admin/cases/"})
    assert "nicht gültig" in wrong.content.decode() or "not valid" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post(SETUP, {"code": current_code(device), "next": "/admin/cases/"})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert 'href="/admin/cases/"' in done.content.decode()
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/admin/").status_code == 200
    # Enrolled: the setup screen no longer shows a key (a new one needs an administrator).
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    assert ModelLogEntry.objects.filter(action="website.two_factor.enrol").count() == 1


def test_each_login_asks_for_the_code_and_refuses_wrong_ones(client, make_user):
    user = make_user(PARTNER_CASEWORKERS)
    device = enrolled(user)
    client.force_login(user)
    assert client.get("/admin/")["Location"] == VERIFY + "?next=%2Fadmin%2F"
    refused = client.post(VERIFY, {"code": "123456", "next": "/admin/"})
    assert refused.status_code == 200
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttling_failure_count = 0  # throttling is tested below
    device.save()
    accepted = client.post(VERIFY, {"code": current_code(device), "next": "/admin/"})
    assert accepted["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wrong_codes_are_throttled_so_guessing_does_not_pay(client, make_user):
    user = make_user(CASE_MANAGERS)
    device = enrolled(user)
    client.force_login(user)
    for _ in range(3):
        client.post(VERIFY, {"code": "999999"})
    # Right now even the right code is refused: each failure doubles the wait.
    client.post(VERIFY, {"code": current_code(device)})
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(client, make_user):
    user = make_user(CASE_MANAGERS)
    device = enrolled(user)
    code = device.recovery_codes[0]
    client.force_login(user)
    assert client.post(VERIFY, {"code": code, "next": "/admin/"})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 9

    other = client.__class__()
    other.force_login(user)
    other.post(VERIFY, {"code": code})
    assert other.get("/admin/").status_code == 302


def test_next_never_leads_off_the_site(client, make_user):
    user = make_user(CASE_MANAGERS)
    device = enrolled(user)
    client.force_login(user)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_superusers_need_it_too_and_visitors_never_see_it(client, make_user):
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root", "root@example.org", DEFAULT_PASSWORD)
    client.force_login(root)
    assert client.get("/admin/")["Location"].startswith(SETUP)
    client.logout()
    assert client.get("/admin/two-factor/verify/")["Location"].startswith("/admin/login/")


def test_the_screens_own_assets_load_before_verifying(client, make_user):
    client.force_login(make_user(CASE_MANAGERS))
    assert client.get("/admin/sprite/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200


def test_logging_out_stays_possible_before_verifying(client, make_user):
    user = make_user(CASE_MANAGERS)
    enrolled(user)
    client.force_login(user)
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session


def test_a_password_reset_by_mail_still_asks_for_the_code(client, make_user):
    user = make_user(CASE_MANAGERS, email="fatma@example.org")
    enrolled(user)
    client.post("/admin/password_reset/", {"email": "fatma@example.org"})
    link = re.search(r"(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    new_password = "a-new-long-password-42"
    client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    response = client.post(
        "/admin/login/", {"username": user.username, "password": new_password}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert client.get("/admin/cases/").status_code == 302


class TestReset:
    def verified_client(self, client, user):
        device = enrolled(user)
        client.force_login(user)
        client.post(VERIFY, {"code": current_code(device)})
        assert client.get("/admin/").status_code == 200
        return client

    def test_an_administrator_resets_a_case_manager_who_then_enrols_again(self, client, make_user):
        admin = make_user(PROGRAMME_ADMINISTRATORS)
        manager = make_user(CASE_MANAGERS)
        enrolled(manager)
        self.verified_client(client, admin)
        url = f"/admin/two-factor/reset/{manager.pk}/"
        confirmation = client.get(url).content.decode()
        assert manager.username in confirmation and 'method="post"' in confirmation
        assert TOTPDevice.objects.filter(user=manager).exists()  # a GET changes nothing
        assert client.post(url)["Location"] == "/admin/users/"
        assert not TOTPDevice.objects.filter(user=manager).exists()
        assert not StaticToken.objects.filter(device__user=manager).exists()
        entry = ModelLogEntry.objects.get(action="website.two_factor.reset")
        assert entry.user_id == admin.pk and entry.object_id == str(manager.pk)

        manager_client = client.__class__()
        manager_client.force_login(manager)
        assert manager_client.get("/admin/")["Location"].startswith(SETUP)

    def test_nobody_resets_their_own_or_an_account_they_do_not_manage(self, client, make_user):
        admin = make_user(PROGRAMME_ADMINISTRATORS)
        peer = make_user(PROGRAMME_ADMINISTRATORS)
        enrolled(peer)
        self.verified_client(client, admin)
        assert client.post(f"/admin/two-factor/reset/{admin.pk}/").status_code == 403
        assert client.post(f"/admin/two-factor/reset/{peer.pk}/").status_code == 403
        assert TOTPDevice.objects.filter(user__in=[admin, peer]).count() == 2

    def test_a_case_manager_cannot_reset_anyone(self, client, make_user):
        manager = make_user(CASE_MANAGERS)
        colleague = make_user(CASE_MANAGERS)
        enrolled(colleague)
        self.verified_client(client, manager)
        assert client.post(f"/admin/two-factor/reset/{colleague.pk}/").status_code == 403

    def test_the_user_listing_offers_the_reset_for_managed_accounts_only(self, client, make_user):
        admin = make_user(PROGRAMME_ADMINISTRATORS)
        manager = make_user(CASE_MANAGERS)
        self.verified_client(client, admin)
        listing = client.get("/admin/users/").content.decode()
        assert f"/admin/two-factor/reset/{manager.pk}/" in listing
        assert f"/admin/two-factor/reset/{admin.pk}/" not in listing


def test_the_code_time_window_is_the_apps(make_user):
    """A code from two steps ago is refused (django-otp's tolerance is one step)."""
    user = make_user(CASE_MANAGERS)
    device = enrolled(user)
    assert not device.verify_token(current_code(device, offset=-3))
