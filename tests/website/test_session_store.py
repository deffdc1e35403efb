"""A session that cannot be saved because the database is unavailable answers 503 (the page
that says answers are kept), not Django's 400 for a session deleted meanwhile; a session that
really was deleted meanwhile still answers 400."""

from unittest import mock

from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


def signed_in_client(user) -> Client:
    client = Client(raise_request_exception=False)  # the handlers' answers, as a browser sees
    client.force_login(user)
    return client


def test_a_session_save_while_the_database_is_down_answers_503(home_pages, make_user):
    client = signed_in_client(make_user("Case managers"))
    down = OperationalError("server closed the connection unexpectedly")
    original = Session.save

    def save(self, *args, **kwargs):
        if kwargs.get("force_update"):  # saving the existing session at the end of the request
            raise down
        return original(self, *args, **kwargs)

    with mock.patch.object(Session, "save", save):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_a_session_deleted_meanwhile_still_answers_400(home_pages, make_user):
    client = signed_in_client(make_user("Case managers"))
    original = Session.save

    def save(self, *args, **kwargs):
        if kwargs.get("force_update"):  # logged out in another tab while this request ran
            Session.objects.filter(pk=self.pk).delete()
        return original(self, *args, **kwargs)

    with mock.patch.object(Session, "save", save):
        assert client.get("/").status_code == 400
