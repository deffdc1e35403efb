"""The home page in both languages, the language switcher, the admin in both languages."""

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from website.demo import DEMO_USERS

pytestmark = pytest.mark.django_db


def test_german_is_served_at_the_root(client, home_pages):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert "Zum Hauptinhalt springen" in html
    assert "Netzwerk aus Kommune und freien Trägern" in html


def test_english_is_served_under_en(client, home_pages):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Skip to main content" in html
    assert "getting refugees into work" in html


def test_language_switcher_links_each_page_to_its_translation(client, home_pages):
    german = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'href="/en/" hreflang="en"' in german
    assert 'href="/" hreflang="de"' in english
    assert 'aria-current="true" lang="de"' in german


def test_switcher_lists_only_languages_the_page_exists_in(client, home_pages):
    from website.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    child = home.add_child(instance=HomePage(title="Nur deutsch", slug="nur-deutsch"))
    child.save_revision().publish()
    html = client.get(child.url).content.decode()
    assert 'class="language-switcher"' not in html
    assert 'hreflang="en"' not in html


def test_unknown_address_gets_the_site_404_in_the_right_language(client, home_pages):
    assert "Seite nicht gefunden" in client.get("/gibt-es-nicht/").content.decode()
    assert "Page not found" in client.get("/en/does-not-exist/").content.decode()


def test_page_shows_the_login_link_to_visitors_and_logout_to_staff(client, home_pages, make_user):
    assert "/admin/login/" in client.get("/").content.decode()
    client.force_login(make_user("Editors"))
    html = client.get("/").content.decode()
    assert "Abmelden" in html


def test_response_carries_a_strict_content_security_policy(client, home_pages):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-eval" not in policy


@pytest.mark.parametrize(
    ("language", "expected"), [("de", "Tastaturkürzel anzeigen"), ("en", "Show keyboard shortcuts")]
)
def test_admin_works_in_both_languages(client, make_user, language, expected):
    from wagtail.users.models import UserProfile

    user = make_user("Programme administrators")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert expected in html


def test_load_demo_is_idempotent(db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Revision.objects.count()) == counts
    from django.contrib.auth import get_user_model

    from casework.demo_bulk import GENERATOR_USERNAME

    User = get_user_model()
    # The demo logins, and the generated cases' inactive owner (it cannot log in).
    assert User.objects.count() == len(DEMO_USERS) + 1
    assert not User.objects.get(username=GENERATOR_USERNAME).is_active
    for demo in DEMO_USERS:
        assert User.objects.get(username=demo.username).check_password(demo.password)


def test_load_demo_refuses_without_debug_unless_forced(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Refusing to load demo logins"):
        call_command("load_demo")


def test_only_the_admin_may_run_inline_scripts(client, home_pages, make_user):
    client.force_login(make_user("Editors"))
    assert (
        "'unsafe-inline'"
        not in client.get("/").get("Content-Security-Policy").split("script-src")[1].split(";")[0]
    )
    admin_policy = client.get("/admin/pages/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin_policy


def test_header_navigation_costs_the_same_for_few_and_many_menu_pages(client, home_pages):
    """The menu and the language switcher run on every page: a fixed number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from website.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")

    def add_menu_pages(start, count):
        for number in range(start, start + count):
            child = home.add_child(
                instance=HomePage(
                    title=f"Menü {number}", slug=f"menue-{number}", show_in_menus=True
                )
            )
            child.save_revision().publish()

    def queries_for_home():
        client.get("/")  # the first request after publishing fills Wagtail's site-root cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    add_menu_pages(0, 2)
    few = queries_for_home()
    add_menu_pages(2, 20)
    assert queries_for_home() == few
    assert "Menü 21" in client.get("/").content.decode()


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_does_not_list_the_media_library(client, endpoint):
    """Files uploaded for unpublished pages must not be discoverable through the API."""
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    Document.objects.create(title="Entwurf intern", file=ContentFile(b"x", name="intern.txt"))
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 404
    assert "Entwurf intern" not in response.content.decode()
