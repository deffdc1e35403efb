"""Anonymous visitors get public pages from the cache; any publish drops it; staff never."""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings

from wagtail.models import Page

import pytest

from tests.partners.factories import PartnerFactory
from website.page_cache import AnonymousPageCacheMiddleware
from website.roles import CASE_MANAGERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_pages")]


@pytest.fixture(autouse=True)
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=60):
        yield
    cache.clear()


def home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="de").specific


def test_the_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_languages_and_query_strings_are_cached_apart(client):
    german, english = client.get("/"), client.get("/en/")
    assert german["X-Page-Cache"] == english["X-Page-Cache"] == "miss"
    assert german.content != english.content
    assert client.get("/?page=2")["X-Page-Cache"] == "miss"


def test_publishing_a_page_drops_the_cache(client):
    client.get("/")
    page = home()
    page.title = "Neu veröffentlicht"
    page.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Neu veröffentlicht" in response.content.decode()


def test_unpublishing_a_page_drops_the_cache(client):
    child = home().add_child(instance=home().__class__(title="Kurz da", slug="kurz-da"))
    assert client.get("/kurz-da/").status_code == 200
    assert client.get("/kurz-da/")["X-Page-Cache"] == "hit"
    child.unpublish()
    assert client.get("/kurz-da/").status_code == 404


def test_a_changed_partner_drops_the_cache(client):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    PartnerFactory(name="Neuer Partner")
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_staff_are_never_served_or_stored_in_the_cache(client, make_user):
    client.force_login(make_user(CASE_MANAGERS))
    for _ in range(2):
        response = client.get("/")
        assert "X-Page-Cache" not in response
        assert "Log out" in response.content.decode() or "Abmelden" in response.content.decode()
    client.logout()
    anonymous = client.get("/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Abmelden" not in anonymous.content.decode()


def test_the_admin_is_not_cached(client):
    assert "X-Page-Cache" not in client.get("/admin/login/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_a_page_that_hands_out_a_csrf_token_is_not_cached():
    def view_with_a_form(request):
        return HttpResponse(f"<form>{get_token(request)}</form>", content_type="text/html")

    middleware = AnonymousPageCacheMiddleware(view_with_a_form)
    for _ in range(2):
        request = RequestFactory().get("/mit-formular/")
        request.user = AnonymousUser()
        assert "X-Page-Cache" not in middleware(request)


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client):
    client.get("/")
    client.cookies["sessionid"] = "someone"
    assert "X-Page-Cache" not in client.get("/")


def test_switched_off_with_zero_seconds(client):
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get("/")
        assert "X-Page-Cache" not in client.get("/")


def _staff_home_queries(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_staff_pages_reuse_the_navigation_until_content_changes(client, make_user):
    """Staff are never served cached pages, but the header's menu and language links (the
    same for everyone) are kept until the next change."""
    client.force_login(make_user(CASE_MANAGERS))
    first = _staff_home_queries(client)
    second = _staff_home_queries(client)
    assert second < first

    page = home()
    page.add_child(
        instance=page.__class__(title="Neu im Menü", slug="neu-im-menue", show_in_menus=True)
    ).save_revision().publish()
    html = client.get("/").content.decode()
    assert "Neu im Menü" in html


def test_navigation_links_keep_their_language(client):
    german = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'aria-current="true" lang="de"' in german
    assert 'aria-current="true" lang="en"' in english


def test_a_new_image_size_keeps_the_cache_and_a_changed_image_drops_it():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from website.page_cache import generation

    image = Image.objects.create(title="Bild", file=get_test_image_file())
    before = generation()
    image.get_rendition("fill-120x80")  # a rendition is made and saved: nothing a visitor sees
    assert generation() == before
    image.title = "Anderes Bild"
    image.save()
    assert generation() > before
