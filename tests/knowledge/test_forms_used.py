"""The model documentation's "forms used": each form links its own printable blank form and
definition per language, site-relative, never a fixed host."""

from django.test import override_settings

from wagtail.models import Locale

import pytest

from forms_app.translation import translate_page
from tests.forms_app.factories import field, make_form_page, step
from tests.knowledge.factories import ModelDocumentationFactory

pytestmark = pytest.mark.django_db


def shared(home, title: str, slug: str, english: str):
    page = make_form_page(
        home, step("main", field("short_text", "name", "Name")), title=title, slug=slug
    )
    page.share_definition = True
    page.save_revision().publish()
    translate_page(page, Locale.objects.get(language_code="en"), {title: english})
    return page


def form(title: str, page=None, url: str = "") -> dict:
    page_id = page.pk if page is not None else None
    return {"type": "form", "value": {"title": title, "purpose": "", "page": page_id, "url": url}}


@pytest.fixture
def documentation(german_home, knowledge_index):
    intake = shared(german_home, "Erstgespräch", "erstgespraech", "Intake")
    plan = shared(german_home, "Förderplan", "foerderplan", "Support plan")
    unshared = make_form_page(
        german_home, step("a", field("short_text", "x", "X")), title="Intern", slug="intern"
    )
    return ModelDocumentationFactory(
        parent=knowledge_index,
        forms_used=[
            form("Erstgespräch", intake),
            form("Förderplan", plan),
            form("Internes Formular", unshared),
            form("Übermittlungsbogen", url="https://example.org/uebermittlung"),
        ],
    )


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_each_form_links_its_own_downloads_per_language(client, documentation):
    links = documentation.forms_used_links()
    assert [len(link["downloads"]) for link in links] == [2, 2, 0, 0]
    urls = [
        d[kind] for link in links for d in link["downloads"] for kind in ("print", "definition")
    ]
    assert len(urls) == 8 and len(set(urls)) == 8
    assert all(url.startswith("/forms/definitions/") for url in urls)
    html = client.get(documentation.url).content.decode()
    assert "127.0.0.1" not in html
    for url in urls:
        assert f'href="{url}"' in html
    assert '<a href="https://example.org/uebermittlung" rel="noopener">' in html
    plan_english = links[1]["downloads"][1]
    assert plan_english["language"] == "en"
    assert client.get(plan_english["definition"]).json()["title"] == "Support plan"
    printed = client.get(plan_english["print"]).content.decode()
    assert "<h1>Support plan</h1>" in printed


def test_an_unpublished_form_page_gets_no_link(client, documentation):
    intake = documentation.forms_used[0].value["page"]
    intake.specific.unpublish()
    links = type(documentation).objects.get(pk=documentation.pk).forms_used_links()
    assert links[0]["url"] == "" and links[0]["downloads"] == []
