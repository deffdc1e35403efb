"""The home page's blocks: key figures, entry points that follow the visitor's language, text;
and the demo's home content linking the sections that exist."""

from io import StringIO
from types import SimpleNamespace

from django.utils import translation

from wagtail.models import Locale

import pytest

from website.blocks import EntryCardBlock, HomeStreamBlock, KeyFiguresBlock
from website.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(home_pages):
    german = HomePage.objects.get(locale__language_code="de", depth=2)
    english = german.get_translation(Locale.objects.get(language_code="en")).specific
    return german, english


def _page_with_translation(german_home, slug, title_de, title_en):
    page = german_home.add_child(instance=ContentPage(title=title_de, slug=slug))
    page.save_revision().publish()
    english = page.copy_for_translation(Locale.objects.get(language_code="en")).specific
    english.title = title_en
    english.save_revision().publish()
    return page, english


def test_key_figures_render_as_a_description_list():
    block = KeyFiguresBlock()
    value = block.to_python(
        {
            "heading": "In Zahlen",
            "figures": [{"value": "1.042", "label": "Teilnehmende", "note": "448 Frauen"}],
            "source": "Stand 2013",
        }
    )
    html = block.render(value)
    assert "<h2" in html and "In Zahlen" in html
    assert '<dd class="figure-card__value">1.042</dd>' in html
    assert '<dt class="figure-card__label">Teilnehmende</dt>' in html
    assert "Stand 2013" in html


def test_entry_card_links_the_translation_in_the_visitors_language(homes):
    german_home, _english_home = homes
    page, english = _page_with_translation(german_home, "modell", "Das Modell", "The model")
    block = EntryCardBlock()
    value = block.to_python({"page": page.pk, "title": "", "text": "Zum Nachnutzen"})
    with translation.override("en"):
        html = block.render(value)
    assert english.url in html and "The model" in html
    with translation.override("de"):
        html = block.render(value)
    assert page.url in html and "Das Modell" in html and "Zum Nachnutzen" in html


def test_entry_card_to_an_unpublished_page_is_left_out(homes):
    german_home, _ = homes
    page = german_home.add_child(instance=ContentPage(title="Entwurf", slug="entwurf", live=False))
    value = EntryCardBlock().to_python({"page": page.pk, "title": "Entwurf", "text": ""})
    assert EntryCardBlock().render(value).strip() == ""


def test_home_page_renders_its_stream(client, homes):
    _german_home, english_home = homes
    english_home.body = HomeStreamBlock().to_python(
        [
            {"type": "text", "value": "<p>Plain words.</p>"},
            {
                "type": "key_figures",
                "value": {
                    "heading": "Figures",
                    "figures": [{"value": "498", "label": "placements", "note": ""}],
                    "source": "",
                },
            },
        ]
    )
    english_home.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "Plain words." in html
    assert '<dd class="figure-card__value">498</dd>' in html
    assert 'class="hero__mission"' in html


def test_demo_home_content_links_the_sections_that_exist_and_is_idempotent(homes):
    from website.demo_home import load_home_content

    german_home, english_home = homes
    _page_with_translation(german_home, "kontakt", "Kontakt", "Contact")
    command = SimpleNamespace(stdout=StringIO())
    load_home_content(command)
    english_home.refresh_from_db()
    cards = next(block for block in english_home.body if block.block_type == "entry_points")
    pages = [card["page"] for card in cards.value["cards"]]
    assert [page.title for page in pages] == ["Contact"]
    assert pages[0].locale.language_code == "en"
    assert ContentPage.objects.filter(slug="impressum", live=True).exists()
    assert ContentPage.objects.filter(slug="legal-notice", live=True).exists()
    assert ContentPage.objects.filter(slug="privacy", live=True).exists()
    revisions = english_home.revisions.count()
    load_home_content(command)
    assert english_home.revisions.count() == revisions


def test_migration_moves_rich_text_into_one_text_block_and_back():
    from importlib import import_module

    migration = import_module("website.migrations.0006_home_stream_content_page_site_identity")
    stream = migration._as_stream("<p>Alt</p>")
    assert '"type": "text"' in stream and "<p>Alt</p>" in stream
    assert migration._as_html(stream) == "<p>Alt</p>"
    assert migration._as_stream("") == "[]"
