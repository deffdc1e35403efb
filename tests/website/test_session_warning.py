"""The wizard's warning before the session ends, and "Stay signed in" (website/sessions.py)."""

import re
import time

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.forms_app.factories import field, make_form_page, step
from website import roles
from website.sessions import LOGIN_AT

KEEP_ALIVE = "/_util/session/keep-alive/"


@pytest.fixture
def form_page(home_pages):
    from website.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    return make_form_page(
        home,
        step("person", field("short_text", "name", "Name")),
        step("notes", field("long_text", "notes", "Notizen")),
        slug="sitzung",
    )


@pytest.fixture
def staff(make_user):
    return make_user(roles.CASE_MANAGERS)


def stored_session(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def seconds_until(moment) -> float:
    return (moment - timezone.now()).total_seconds()


def test_the_url_is_the_keep_alive_view():
    assert reverse("session_keep_alive") == KEEP_ALIVE


def test_stay_signed_in_restarts_the_idle_time(client, staff, settings):
    settings.SESSION_COOKIE_AGE = 600
    client.force_login(staff)
    session = client.session
    session.set_expiry(60)  # as if the idle time were nearly over
    session.save()
    assert seconds_until(stored_session(client).expire_date) <= 60

    response = client.post(KEEP_ALIVE)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert 595 <= body["idle_seconds"] <= 600
    assert body["absolute_seconds"] > 600
    assert 590 <= seconds_until(stored_session(client).expire_date) <= 600


def test_stay_signed_in_never_passes_the_absolute_lifetime(client, staff, settings):
    settings.SESSION_COOKIE_AGE = 1800
    settings.SESSION_ABSOLUTE_LIFETIME_SECONDS = 3600
    client.force_login(staff)
    session = client.session
    logged_in_at = int(time.time()) - 3600 + 120  # two minutes of the lifetime left
    session[LOGIN_AT] = logged_in_at
    session.save()

    body = client.post(KEEP_ALIVE).json()

    assert body["idle_seconds"] <= 120 and body["absolute_seconds"] <= 120
    assert body["idle_seconds"] >= 110
    ends = stored_session(client).expire_date.timestamp()
    assert ends <= logged_in_at + 3600
    # later requests do not move it either (SESSION_SAVE_EVERY_REQUEST saves each time)
    client.post(KEEP_ALIVE)
    client.get("/")
    assert stored_session(client).expire_date.timestamp() <= logged_in_at + 3600


def test_stay_signed_in_refuses_anonymous_visitors(client, db):
    response = client.post(KEEP_ALIVE)
    assert response.status_code == 403
    assert response.json()["error"]
    assert not Session.objects.exists()


def test_stay_signed_in_refuses_a_post_without_the_csrf_token(staff):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff)
    assert browser.post(KEEP_ALIVE).status_code == 403
    browser.get("/")  # sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    assert browser.post(KEEP_ALIVE, HTTP_X_CSRFTOKEN=token).status_code == 200


def test_stay_signed_in_is_a_post(client, staff):
    client.force_login(staff)
    assert client.get(KEEP_ALIVE).status_code == 405


def data_attributes(html: str) -> dict[str, str]:
    dialog = re.search(r"<dialog[^>]*data-session-warning[^>]*>", html)
    assert dialog, "no session warning on the page"
    return dict(re.findall(r'data-([a-z-]+)="([^"]*)"', dialog.group(0)))


def test_the_wizard_page_carries_the_session_times(client, staff, form_page, settings):
    settings.SESSION_COOKIE_AGE = 1800
    settings.SESSION_ABSOLUTE_LIFETIME_SECONDS = 36000
    settings.FORMS_SESSION_WARNING_SECONDS = 240
    client.force_login(staff)
    html = client.get(form_page.url).content.decode()

    data = data_attributes(html)
    assert 1790 <= int(data["idle-seconds"]) <= 1800
    assert 35990 <= int(data["absolute-seconds"]) <= 36000
    assert data["warning-seconds"] == "240"
    assert data["keepalive-url"] == KEEP_ALIVE
    assert "{time}" in data["idle-text"] and "{time}" in data["absolute-text"]
    assert 'role="alertdialog"' in html and "data-session-stay" in html
    assert 'form="wizard-form"' in html and 'id="wizard-form"' in html
    assert "forms_app/js/session-warning.js" in html
    assert "<script>" not in html  # the times travel in data attributes, no inline script


def test_the_idle_time_shown_is_cut_by_the_absolute_end(client, staff, form_page, settings):
    settings.SESSION_COOKIE_AGE = 1800
    settings.SESSION_ABSOLUTE_LIFETIME_SECONDS = 3600
    client.force_login(staff)
    session = client.session
    session[LOGIN_AT] = int(time.time()) - 3600 + 300
    session.save()
    data = data_attributes(client.get(form_page.url).content.decode())
    assert int(data["idle-seconds"]) <= 300 and int(data["absolute-seconds"]) <= 300


def test_the_engine_alone_knows_only_djangos_idle_expiry(client, staff, form_page, settings):
    """Without a project callable the engine reads request.session.get_expiry_age()."""
    settings.FORMS_SESSION_TIMING = ""
    settings.SESSION_COOKIE_AGE = 900
    client.force_login(staff)
    html = client.get(form_page.url).content.decode()
    data = data_attributes(html)
    assert data["idle-seconds"] == "900"
    assert "absolute-seconds" not in data and data["keepalive-url"] == ""
    assert "data-session-stay" not in html  # nothing to extend with: only "Save draft now"


def test_no_warning_for_anonymous_visitors(client, form_page):
    form_page.get_view_restrictions().delete()
    response = client.get(form_page.url)
    assert response.status_code == 200
    assert "data-session-warning" not in response.content.decode()
