"""The knowledge index: filters, search, pagination, empty states, feeds, constant queries."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from knowledge.listing import PAGE_SIZE
from tests.knowledge.factories import GoodPracticeFactory, ModelDocumentationFactory, NewsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(knowledge_index):
    return {
        "wuppertal": GoodPracticeFactory(
            parent=knowledge_index,
            title="Wuppertal Netzwerk",
            themes=["work"],
            date=date(2010, 1, 1),
        ),
        "london": GoodPracticeFactory(
            parent=knowledge_index,
            title="London Forum",
            date=date(2011, 1, 1),
            city="London",
            country="Vereinigtes Königreich",
            themes=["learn"],
        ),
        "model": ModelDocumentationFactory(
            parent=knowledge_index,
            title="Das Modell",
            themes=["work", "plan"],
            date=date(2012, 1, 1),
        ),
        "webinar": NewsFactory(
            parent=knowledge_index,
            title="Webinar",
            standfirst="Zugang zu Beschäftigung",
            date=date(2013, 1, 1),
        ),
        "draft": GoodPracticeFactory(
            parent=knowledge_index, title="Unveröffentlichter Entwurf", publish=False
        ),
    }


def titles(response) -> list[str]:
    return [entry.title for entry in response.context["entries"].object_list]


def test_index_lists_published_entries_newest_first(client, knowledge_index, entries):
    response = client.get(knowledge_index.url)
    assert titles(response) == ["Webinar", "Das Modell", "London Forum", "Wuppertal Netzwerk"]
    assert "Unveröffentlichter Entwurf" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"theme": "work"}, {"Wuppertal Netzwerk", "Das Modell"}),
        ({"theme": "learn"}, {"London Forum"}),
        ({"city": "London"}, {"London Forum"}),
        ({"country": "Deutschland"}, {"Wuppertal Netzwerk", "Das Modell"}),
        ({"theme": "work", "city": "Wuppertal"}, {"Wuppertal Netzwerk", "Das Modell"}),
        ({"q": "Beschäftigung"}, {"Webinar"}),
        ({"q": "Forum", "city": "London"}, {"London Forum"}),
        ({"q": "Forum", "theme": "work"}, set()),
    ],
)
def test_filters_and_search_narrow_the_list(client, knowledge_index, entries, query, expected):
    assert set(titles(client.get(knowledge_index.url, query))) == expected


def test_filter_form_offers_only_what_exists(client, knowledge_index, entries):
    form = client.get(knowledge_index.url).context["filter_form"]
    assert [value for value, _label in form.fields["city"].choices] == ["", "London", "Wuppertal"]
    assert ("work", "Arbeit") in form.fields["theme"].choices


def test_theme_names_follow_the_language(client, english_index):
    html = client.get(english_index.url).content.decode()
    assert '<option value="work">Work</option>' in html


def test_unknown_filter_values_are_ignored_not_an_error(client, knowledge_index, entries):
    response = client.get(knowledge_index.url, {"theme": "<script>", "city": "Atlantis"})
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert "<script>" not in response.content.decode()


def test_empty_states_say_what_happened(client, knowledge_index):
    html = client.get(knowledge_index.url).content.decode()
    assert "Noch gibt es keine Einträge." in html
    GoodPracticeFactory(parent=knowledge_index, title="Etwas")
    html = client.get(knowledge_index.url, {"q": "nichtsdergleichen"}).content.decode()
    assert "Kein Eintrag passt zu diesen Filtern." in html
    assert "Alle Einträge anzeigen" in html


def test_pagination_keeps_the_filters(client, knowledge_index):
    for number in range(PAGE_SIZE + 3):
        GoodPracticeFactory(parent=knowledge_index, title=f"Praxis {number}", themes=["work"])
    first = client.get(knowledge_index.url, {"theme": "work"})
    assert len(titles(first)) == PAGE_SIZE
    assert "?theme=work&amp;page=2" in first.content.decode()
    second = client.get(knowledge_index.url, {"theme": "work", "page": 2})
    assert len(titles(second)) == 3
    assert not set(titles(first)) & set(titles(second))
    assert client.get(knowledge_index.url, {"page": "zwei"}).status_code == 200


def test_search_finds_words_in_the_body(client, knowledge_index):
    GoodPracticeFactory(
        parent=knowledge_index,
        title="Mit Inhalt",
        body=[{"type": "text", "value": "<p>Zahntechniker Ausbildung</p>"}],
    )
    assert titles(client.get(knowledge_index.url, {"q": "Zahntechniker"})) == ["Mit Inhalt"]


@pytest.mark.parametrize(("route", "marker"), [("feed/", "<rss"), ("feed/atom/", "<feed")])
def test_feeds_list_new_published_entries(client, knowledge_index, entries, route, marker):
    response = client.get(knowledge_index.url + route)
    assert response.status_code == 200
    xml = response.content.decode()
    assert marker in xml
    assert "Wuppertal Netzwerk" in xml and "Webinar" in xml
    assert "Unveröffentlichter Entwurf" not in xml
    assert entries["london"].full_url.replace("http://localhost", "") in xml


def _index_queries(client, index) -> int:
    client.get(index.url, {"theme": "work"})  # warm caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(index.url, {"theme": "work"}).status_code == 200
    return len(queries)


def _add_entries(index, count: int) -> None:
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    kinds = [GoodPracticeFactory, ModelDocumentationFactory, NewsFactory]
    for number in range(count):
        image = Image.objects.create(title="Bild", file=get_test_image_file())
        kinds[number % 3](parent=index, themes=["work", "plan"], image=image, date=date(2013, 1, 1))


def test_index_query_count_does_not_grow_with_entries(client, knowledge_index):
    """Every cache off: what the first visitor after a change costs."""
    _add_entries(knowledge_index, 5)
    five = _index_queries(client, knowledge_index)
    _add_entries(knowledge_index, 45)  # the first page still shows all three kinds, now 12 cards
    fifty = _index_queries(client, knowledge_index)
    assert five == fifty


def test_index_not_served_from_the_page_cache_takes_at_most_12_queries(
    client, knowledge_index, settings
):
    """The page cache on, but this address not in it (a new query string): routing, the count
    and the page of results are read; menu, filters and cards are kept from the last render."""
    settings.PAGE_CACHE_SECONDS = 60
    _add_entries(knowledge_index, 15)
    assert client.get(knowledge_index.url, {"theme": "work"}).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(knowledge_index.url, {"theme": "work", "page": "1"})
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    assert len(titles(response)) == PAGE_SIZE
    assert len(queries) <= 12, "\n".join(q["sql"][:120] for q in queries.captured_queries)


def test_kept_cards_and_filters_change_with_the_content(client, knowledge_index, entries, settings):
    settings.PAGE_CACHE_SECONDS = 60
    assert "Webinar" in titles(client.get(knowledge_index.url, {"x": "1"}))
    webinar = entries["webinar"]
    webinar.title = "Webinar zur Arbeit"
    webinar.save_revision().publish()
    GoodPracticeFactory(parent=knowledge_index, title="Neu in Remscheid", city="Remscheid")
    response = client.get(knowledge_index.url, {"x": "2"})
    assert "Webinar zur Arbeit" in titles(response) and "Neu in Remscheid" in titles(response)
    assert "Webinar zur Arbeit</a>" in response.content.decode()
    assert ("Remscheid", "Remscheid") in response.context["filter_form"].fields["city"].choices


@pytest.mark.parametrize(
    ("factory", "fields", "word"),
    [
        (GoodPracticeFactory, {"pull_quote": "Ein Gewinn für Wuppertal"}, "Gewinn"),
        (GoodPracticeFactory, {"transferable": "Nach Remscheid übertragen"}, "Remscheid"),
        (ModelDocumentationFactory, {"problem": "<p>Duldung und Armut</p>"}, "Duldung"),
        (
            ModelDocumentationFactory,
            {"getting_started": "<p>Ein Fallmanagement genügt</p>"},
            "Fallmanagement",
        ),
        (NewsFactory, {"body": [{"type": "text", "value": "<p>Auckland dabei</p>"}]}, "Auckland"),
    ],
)
def test_each_page_type_is_found_by_its_own_fields(client, knowledge_index, factory, fields, word):
    factory(parent=knowledge_index, title="Gesucht", **fields)
    factory(parent=knowledge_index, title="Anderes")
    assert titles(client.get(knowledge_index.url, {"q": word})) == ["Gesucht"]


def test_each_language_has_its_own_feed(client, knowledge_index, english_index):
    GoodPracticeFactory(parent=knowledge_index, title="Nur auf Deutsch")
    GoodPracticeFactory(parent=english_index, title="Only in English")
    german = client.get(knowledge_index.url + "feed/").content.decode()
    english = client.get(english_index.url + "feed/").content.decode()
    assert "Nur auf Deutsch" in german and "Only in English" not in german
    assert "Only in English" in english and "Nur auf Deutsch" not in english
