"""German and English: translations, the language in the URL, the switcher, the demo content."""

from django.core.management import call_command

from wagtail.models import Locale, Page, Revision

import pytest

from knowledge.models import GoodPracticePage, ModelDocumentationPage, NewsPage
from tests.knowledge.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db


def test_translation_lives_under_en_and_the_switcher_links_both_ways(client, knowledge_index):
    german = GoodPracticeFactory(
        parent=knowledge_index, title="Wuppertal", slug="wuppertal", themes=["work"]
    )
    english = german.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Wuppertal (English)"
    english.save_revision().publish()
    assert english.url == "/en/knowledge/wuppertal/"
    german_html = client.get("/wissen/wuppertal/").content.decode()
    english_html = client.get("/en/knowledge/wuppertal/").content.decode()
    assert 'href="/en/knowledge/wuppertal/" hreflang="en"' in german_html
    assert 'href="/wissen/wuppertal/" hreflang="de"' in english_html
    assert '<html lang="en" dir="ltr">' in english_html and "Wuppertal (English)" in english_html
    assert "Work" in english_html and "Arbeit" in german_html
    assert english.specific.themes.count() == 1


def test_a_page_without_translation_offers_no_other_language(client, knowledge_index):
    page = GoodPracticeFactory(parent=knowledge_index, title="Nur deutsch", slug="nur-deutsch")
    html = client.get(page.url).content.decode()
    assert 'hreflang="en"' not in html
    assert client.get("/en/knowledge/nur-deutsch/").status_code == 404


def test_an_unpublished_translation_is_not_linked(client, knowledge_index):
    page = GoodPracticeFactory(parent=knowledge_index, title="Halb", slug="halb")
    page.copy_for_translation(Locale.objects.get(language_code="en"))  # a draft only
    html = client.get(page.url).content.decode()
    assert "/en/knowledge/halb/" not in html
    assert client.get("/en/knowledge/halb/").status_code == 404


def test_demo_content_exists_in_both_languages_and_loads_idempotently(client):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Revision.objects.count()) == counts

    for model, expected in [(ModelDocumentationPage, 1), (GoodPracticePage, 2), (NewsPage, 1)]:
        for language in ("de", "en"):
            assert model.objects.live().filter(locale__language_code=language).count() == expected

    german = client.get("/wissen/netzwerk-partizipation/").content.decode()
    english = client.get("/en/knowledge/netzwerk-partizipation/").content.decode()
    # the results are chart blocks over the historical figures (dashboards), with data tables
    for figure in ["1.042", '<th scope="row">weiblich</th><td>448</td>', "498", "47,8 %"]:
        assert figure in german, figure
    for figure in ["1,042", '<th scope="row">male</th><td>594</td>', ">338<", "47.8%"]:
        assert figure in english, figure
    assert "01.10.2008" in german and "31 October 2010" in english
    assert "Diakonie Wuppertal" in german  # network partners pulled from the directory
    webinar = client.get("/en/knowledge/webinar-2013-access-to-employment/").content.decode()
    assert "218" in webinar and "30 cities" in webinar
    london = client.get("/en/knowledge/london-employability-forum/").content.decode()
    assert "Employability Forum" in london
    wuppertal = client.get("/wissen/wuppertal-netzwerk-partizipation/").content.decode()
    assert 'hreflang="en"' in wuppertal
    assert "/en/knowledge/wuppertal-netzwerk-partizipation/" in wuppertal
