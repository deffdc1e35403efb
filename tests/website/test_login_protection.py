"""Logins: brute force is paused per account and per address, answers do not tell whether an
account exists, administrators lift a pause, and sessions end when idle or too old."""

import time

from django.test import override_settings

import pytest
from axes.models import AccessAttempt

from tests.factories import DEFAULT_PASSWORD
from website import sessions
from website.roles import CASE_MANAGERS, PROGRAMME_ADMINISTRATORS

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, username, password="wrong-password-123", address="10.1.1.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


@override_settings(AXES_FAILURE_LIMIT=3)
def test_an_account_is_paused_after_the_failure_limit_even_with_the_right_password(
    client, make_user
):
    user = make_user(CASE_MANAGERS)
    for _ in range(2):
        assert attempt(client, user.username).status_code == 200
    assert attempt(client, user.username).status_code == 429  # the third failure pauses
    locked = attempt(client, user.username, DEFAULT_PASSWORD)
    assert locked.status_code == 429
    assert "Anmeldung pausiert" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_an_address_is_paused_whatever_account_it_tries(client, make_user):
    for number in range(3):
        attempt(client, f"guess-{number}", address="10.9.9.9")
    user = make_user(CASE_MANAGERS)
    assert attempt(client, user.username, DEFAULT_PASSWORD, "10.9.9.9").status_code == 429
    assert attempt(client, user.username, DEFAULT_PASSWORD, "10.2.2.2").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_an_unknown_account_gets_the_same_answers_as_a_known_one(client, make_user):
    known = make_user(CASE_MANAGERS)
    answers = {}
    for username, address in ((known.username, "10.3.3.3"), ("nobody-here", "10.4.4.4")):
        answers[username] = [
            (response.status_code, _login_error(response))
            for response in (attempt(client, username, address=address) for _ in range(4))
        ]
    assert answers[known.username] == answers["nobody-here"]


def _login_error(response) -> str:
    """The login form's error, or the lockout page's heading."""
    if response.status_code == 429:
        return "Anmeldung pausiert"
    return str(response.context["form"].non_field_errors())


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_programme_administrator_lifts_a_pause_in_the_admin(client, make_user):
    user = make_user(CASE_MANAGERS)
    for _ in range(3):
        attempt(client, user.username)
    lockout = AccessAttempt.objects.get(username=user.username)

    client.force_login(make_user(PROGRAMME_ADMINISTRATORS))
    listing = client.get("/admin/login_lockouts/")
    assert listing.status_code == 200
    assert user.username in listing.content.decode()
    assert client.post(f"/admin/login_lockouts/delete/{lockout.pk}/").status_code == 302
    assert not AccessAttempt.objects.exists()
    client.logout()
    assert attempt(client, user.username, DEFAULT_PASSWORD).status_code == 302


def test_staff_without_the_permission_cannot_see_or_lift_pauses(client, make_user):
    AccessAttempt.objects.create(
        username="someone",
        ip_address="10.5.5.5",
        user_agent="",
        failures_since_start=9,
        get_data="",
        post_data="",
    )
    client.force_login(make_user(CASE_MANAGERS))
    assert client.get("/admin/login_lockouts/").status_code in (302, 403)
    pk = AccessAttempt.objects.get().pk
    assert client.post(f"/admin/login_lockouts/delete/{pk}/").status_code in (302, 403)
    assert AccessAttempt.objects.exists()


def test_sessions_end_after_the_idle_time_and_are_renewed_by_each_request(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_a_session_older_than_the_absolute_lifetime_is_logged_out(client, make_user):
    client.force_login(make_user(CASE_MANAGERS))
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[sessions.LOGIN_AT] = int(time.time()) - 11 * 3600
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_logging_out_deletes_the_session_on_the_server(client, make_user):
    from django.contrib.sessions.models import Session

    client.force_login(make_user(CASE_MANAGERS))
    key = client.session.session_key
    client.post("/admin/logout/")
    assert not Session.objects.filter(session_key=key).exists()


def test_deactivating_a_user_ends_their_session(client, make_user):
    user = make_user(CASE_MANAGERS)
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/admin/").status_code == 302
