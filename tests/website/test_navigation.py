"""Main menu, breadcrumbs and the footer's links from the site identity setting."""

from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale, Site

import pytest

from website.models import ContentPage, HomePage
from website.site_settings import SiteIdentity

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_home(home_pages):
    return HomePage.objects.get(locale__language_code="de", depth=2)


def _add(parent, title, slug, **kwargs):
    page = parent.add_child(instance=ContentPage(title=title, slug=slug, **kwargs))
    page.save_revision().publish()
    return page


def _render_menu() -> tuple[str, int]:
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    template = Template(
        "{% load navigation %}{% main_menu as menu %}{% for i in menu %}[{{ i.title }}]{% endfor %}"
    )
    with translation.override("de"), CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"request": request}))
    return html, len(queries)


def test_main_menu_lists_pages_that_ask_for_it_with_constant_queries(german_home):
    _add(german_home, "Eins", "eins", show_in_menus=True)
    _add(german_home, "Zwei", "zwei", show_in_menus=True)
    _add(german_home, "Versteckt", "versteckt")
    _render_menu()  # the first render also looks up the site and caches its root paths
    html, few = _render_menu()
    assert html == "[Eins][Zwei]"
    for number in range(3, 8):
        _add(german_home, f"Seite {number}", f"seite-{number}", show_in_menus=True)
    _render_menu()
    html, many = _render_menu()
    assert html.count("[") == 7
    assert many == few


def test_breadcrumbs_on_deep_pages_only(client, german_home):
    section = _add(german_home, "Über uns", "ueber-uns")
    deep = _add(section, "Team", "team")
    html = client.get(deep.url).content.decode()
    assert 'class="breadcrumbs"' in html
    assert f'<a href="{german_home.url}">PartizipationPlus</a>' in html
    assert f'<a href="{section.url}">Über uns</a>' in html
    assert '<span aria-current="page">Team</span>' in html
    assert 'class="breadcrumbs"' not in client.get(section.url).content.decode()


def test_footer_links_the_legal_pages_in_the_visitors_language(client, german_home):
    imprint = _add(german_home, "Impressum", "impressum")
    english = imprint.copy_for_translation(Locale.objects.get(language_code="en")).specific
    english.title, english.slug = "Legal notice", "legal-notice"
    english.save_revision().publish()
    privacy = _add(german_home, "Datenschutz", "datenschutz")  # not translated
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.imprint_page, identity.privacy_page = imprint, privacy
    identity.organisation_name = "Musterstadt"
    identity.save()

    german = client.get("/").content.decode()
    assert '<a href="/impressum/">Impressum</a>' in german
    assert '<a href="/datenschutz/">Datenschutz</a>' in german
    assert "<strong>Musterstadt</strong>" in german
    english_html = client.get("/en/").content.decode()
    assert '<a href="/en/legal-notice/">Legal notice</a>' in english_html
    assert '<a href="/datenschutz/">Datenschutz</a>' in english_html  # falls back to German


def test_footer_leaves_out_unpublished_pages(client, german_home):
    draft = german_home.add_child(instance=ContentPage(title="Entwurf", slug="e", live=False))
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.imprint_page = draft
    identity.save()
    assert "Entwurf" not in client.get("/").content.decode()


def test_default_logo_and_share_image_are_static_files(client, home_pages):
    html = client.get("/en/").content.decode()
    assert 'src="/static/website/logo.svg"' in html
    assert 'property="og:image" content="http://testserver/static/website/share.png"' in html
