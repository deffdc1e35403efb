"""Responses that may carry personal data are never stored by a browser or proxy."""

import pytest

from website.roles import CASE_MANAGERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_pages")]


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_everything_a_signed_in_person_gets_is_no_store(client, make_user):
    client.force_login(make_user(CASE_MANAGERS))
    for path in ("/", "/en/", "/admin/", "/admin/cases/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert no_store(response), path


def test_the_admin_login_and_answers_to_posts_are_no_store(client):
    assert no_store(client.get("/admin/login/"))
    assert no_store(client.post("/admin/login/", {"username": "x", "password": "y"}))


def test_public_pages_for_visitors_stay_cacheable(client):
    assert not no_store(client.get("/"))
