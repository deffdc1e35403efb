"""A search box holding hundreds of words answers, on SQLite and PostgreSQL alike: the backend
keeps the first ``MAX_TERMS`` (PostgreSQL's nested one expression per term, and the fuzzing
found a RecursionError, a 500, at a few hundred)."""

from wagtail.search.backends import get_search_backend

import pytest

from partners.models import TargetGroup
from website.search_backend import MAX_TERMS, at_most_max_terms

pytestmark = pytest.mark.django_db

MANY = " ".join(["38", *["%38"] * 600])


def test_a_query_keeps_its_first_terms_only():
    assert at_most_max_terms(MANY).split() == MANY.split()[:MAX_TERMS]
    assert at_most_max_terms("Müller Çelik") == "Müller Çelik"


def test_hundreds_of_words_search_without_an_error(client, make_user):
    backend = get_search_backend()
    assert list(backend.search(MANY, TargetGroup)) == []
    assert list(backend.autocomplete(MANY, TargetGroup)) == []
    client.force_login(make_user("Programme administrators"))
    response = client.get("/admin/snippets/partners/targetgroup/", {"q": MANY})
    assert response.status_code == 200
