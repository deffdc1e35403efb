"""Restricted pages send visitors to a login in the site's layout; a logged-in visitor whose
groups lack access gets a page that says so."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from website.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_page(home_pages):
    home = HomePage.objects.get(locale__language_code="de", depth=2)
    page = home.add_child(instance=ContentPage(title="Intern", slug="intern"))
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Case managers")])
    return page


def test_visitor_is_sent_to_the_styled_login_with_a_way_back(client, staff_page):
    response = client.get("/intern/")
    assert response.status_code == 302
    assert response["Location"] == "/_util/login/?next=/intern/"
    html = client.get(response["Location"], HTTP_REFERER="http://testserver/").content.decode()
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert 'name="username"' in html and 'name="next" value="/intern/"' in html
    assert 'href="http://testserver/"' in html  # back to where the visitor came from
    assert "Zurück zur Startseite" in html or "Back to the home page" in html


def test_english_visitor_gets_the_english_login(client, staff_page):
    response = client.get("/en/_util/login/?next=/intern/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_logged_in_user_without_access_gets_a_clear_403(client, staff_page, make_user):
    client.force_login(make_user("Editors"))
    response = client.get("/intern/", follow=True)
    assert response.status_code == 403
    html = response.content.decode()
    assert 'name="username"' not in html
    assert 'class="site-header"' in html


def test_member_of_the_group_sees_the_page(client, staff_page, make_user):
    client.force_login(make_user("Case managers"))
    assert client.get("/intern/").status_code == 200
