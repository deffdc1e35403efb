"""Escaping proof, StreamField blocks: a payload in every text of every block of every
StreamField of the project's page models (found by walking the block definitions,
``escaping_blocks``), put in through the admin page editor's POST as a programme
administrator, stays inert wherever the page is shown: the public page (the home page in each
language), the admin's edit view, the preview, the revision view and comparison, the API, the
dashboard CSVs, the knowledge listing's search and its feeds.

Rich text arrives as the editor's contentstate, so the admin's own conversion applies; a second
test writes rich text blocks by code (as the demo loader and imports do) and proves that saving
a page cleans them.
"""

import json

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from dashboards.models import DashboardPage
from tests.knowledge.factories import (
    GoodPracticeFactory,
    KnowledgeIndexFactory,
    ModelDocumentationFactory,
    NewsFactory,
)
from tests.proof import proof_figure
from tests.website import escaping_blocks as stream
from tests.website.escaping_inert import Ledger, body, csv_rows, live_in_html, marker
from tests.website.test_escaping_content import feed_parts, json_strings
from website.models import HomePage
from website.roles import PROGRAMME_ADMINISTRATORS
from website.translating import translate

pytestmark = [pytest.mark.proof, pytest.mark.heavy, pytest.mark.django_db]

_CHART = "dashboards.DashboardPage.body/chart/"
_RESULTS = "knowledge.ModelDocumentationPage.results/chart/"
_CHOICES = ("measure", "breakdown", "period", "chart_type", "funnel_stages/item", "source")
_FILTERS = ("filters/city", "filters/gender", "filters/age_group")
# Every block that takes no payload, and why; compared as a whole, so a new one is a decision.
EXPECTED_SKIPS = {
    **{f"{chart}{name}": "choices" for chart in (_CHART, _RESULTS) for name in _CHOICES},
    **{f"{chart}{name}": "choices" for chart in (_CHART, _RESULTS) for name in _FILTERS},
    "website.HomePage.body/entry_points/cards/item/page": "chooser: PageChooserBlock",
    "knowledge.ModelDocumentationPage.forms_used/form/page": "chooser: PageChooserBlock",
    **{
        f"knowledge.{model}.body/{name}": f"chooser: {kind}"
        for model in ("GoodPracticePage", "ModelDocumentationPage", "NewsPage")
        for name, kind in (
            ("figure/image", "ImageChooserBlock"),
            ("download/document", "DocumentChooserBlock"),
        )
    },
}


def test_the_block_payloads_are_live_when_not_escaped():
    """The checker sees each kind of block payload when it is not escaped."""
    assert live_in_html(stream.tiny_payload("b00"))
    assert live_in_html(f'<a href="{stream.url_payload("b00")}">x</a>')
    assert live_in_html(stream.rich_payload("b00"))
    assert len(stream.tiny_payload("bzz")) <= 20  # the shortest text block takes 20 characters


@pytest.fixture
def pages(home_pages):
    """One live page of every page model with a StreamField (the home page in both languages)."""
    home = HomePage.objects.get(locale__language_code="de")
    english = HomePage.objects.get(locale__language_code="en")
    dashboard = home.add_child(instance=DashboardPage(title="Zahlen", slug="zahlen", live=False))
    dashboard.save_revision().publish()
    index = KnowledgeIndexFactory(parent=home)
    by_model = {
        HomePage: [home, english],
        DashboardPage: [DashboardPage.objects.get(pk=dashboard.pk)],
    }
    for factory in (GoodPracticeFactory, ModelDocumentationFactory, NewsFactory):
        entry = factory(parent=index)
        by_model[type(entry)] = [entry]
    return by_model, index


def choosable() -> dict:
    image = Image.objects.create(title="Foto", file=get_test_image_file())
    document = Document.objects.create(
        title="Vorlage", file=ContentFile(b"%PDF-1.4 vorlage", name="vorlage.pdf")
    )
    return {
        Page: HomePage.objects.get(locale__language_code="de"),
        Image: image,
        Document: document,
    }


def edit_in_admin(client, page, chosen, ledger, tags) -> None:
    """Fill the page's edit form as the editor posts it, preview it, then publish it."""
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(edit)
    assert response.status_code == 200, edit
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for model, field in stream.stream_fields():
        if model is type(page):
            for key in [
                key for key in data if key == field.name or key.startswith(field.name + "-")
            ]:
                del data[key]
            for key, value in stream.stream_form_data(model, field, chosen).items():
                data[key] = value
    name = f"{type(page).__name__} {page.locale.language_code}"
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(preview, data)
    assert response.json()["is_valid"], response.json()
    ledger.html(f"preview {name}", client.get(preview).content.decode(), tags)
    data["action-publish"] = "action-publish"
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors.as_json()[:2000]


def api_check(client, ledger, name, url, tags, rich) -> None:
    """JSON is data; the rich text in it is HTML a client shows as it is."""
    response = client.get(url)
    assert response.status_code == 200, url
    data = json.loads(response.content)
    ledger.text(f"API {name}", json.dumps(data), tags)
    for text in json_strings(data):
        if any(marker(tag) in text for tag in rich):
            ledger.html(f"API {name} (rich text)", text, rich)


def test_every_block_text_is_inert_everywhere(client, pages, make_user, record_property):
    by_model, index = pages
    skipped = stream.skips()
    print("blocks without a payload:", json.dumps(skipped, indent=1, sort_keys=True))
    assert skipped == EXPECTED_SKIPS
    models = {model for model, _field in stream.stream_fields()}
    assert models == set(by_model), (
        f"page models the proof has no page of: {models - set(by_model)}"
    )

    tags = {}  # tag -> block name
    for model in models:
        tags.update(stream.poisoned_tags(model))
    every, rich = set(tags), stream.rich_tags() & set(tags)
    ledger = Ledger()
    chosen = choosable()
    administrator = make_user(PROGRAMME_ADMINISTRATORS, username="programm-escaping")
    client.force_login(administrator)
    for model_pages in by_model.values():
        for page in model_pages:
            edit_in_admin(client, page, chosen, ledger, every)

    # Their translations (wagtail-localize, the source's texts kept): the translated pages and
    # the translation editor, which replaces the page editor of a synced translation.
    english = Locale.objects.get(language_code="en")
    translate(index, english, {})
    translated = [
        translate(Page.objects.get(pk=page.pk).specific, english, {})
        for model, model_pages in by_model.items()
        if model is not HomePage
        for page in model_pages
    ]

    anonymous = Client()
    for model_pages in [*by_model.values(), translated]:
        for page in model_pages:
            page = Page.objects.get(pk=page.pk).specific
            name = f"{type(page).__name__} {page.locale.language_code}"
            response = anonymous.get(page.url)
            assert response.status_code == 200, page.url
            ledger.html(f"page {name}", response.content.decode(), every)
            admin = {
                "admin edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                "admin revision": reverse(
                    "wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id]
                ),
                "admin comparison": reverse(
                    "wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"]
                ),
            }
            for place, url in admin.items():
                response = client.get(url)
                assert response.status_code == 200, url
                ledger.html(f"{place} {name}", response.content.decode(), every)
            api_check(anonymous, ledger, name, f"/api/v2/pages/{page.pk}/", every, rich)
    for model in models:  # each type's listing, and its search results (the pages are indexed)
        label = model._meta.label
        api_check(anonymous, ledger, label, f"/api/v2/pages/?type={label}&fields=*", every, rich)
        url = f"/api/v2/pages/?type={label}&search=ppxss&fields=*"
        api_check(anonymous, ledger, f"search {label}", url, every, rich)
    dashboard = by_model[DashboardPage][0]
    api_check(anonymous, ledger, "dashboards", "/api/v2/dashboards/", every, rich)
    url = f"/api/v2/dashboards/{dashboard.pk}/"
    api_check(anonymous, ledger, "dashboard", url, every, rich)
    for url in (
        reverse("dashboards:chart_csv", args=[dashboard.pk, 0]),
        reverse("dashboards:open_data_csv", args=[dashboard.pk]),
    ):
        response = anonymous.get(url)
        assert response.status_code == 200, url
        ledger.cells(f"dashboard CSV {url.rsplit('/', 1)[-1]}", csv_rows(body(response)), every)
    response = anonymous.get(index.url, {"q": "ppxss"})
    ledger.html("knowledge search", response.content.decode(), every)
    for feed in ("rss", "atom"):
        response = anonymous.get(index.url + index.reverse_subpage(feed))
        html, text = feed_parts(response.content)
        ledger.html(f"knowledge {feed} feed", html, every)
        ledger.text(f"knowledge {feed} feed (titles)", text, every)

    print("places:", len(ledger.places()), sorted(ledger.places()))
    unseen = {name for tag, name in tags.items() if tag not in ledger.seen}
    assert not unseen, f"blocks holding a payload that no place showed: {sorted(unseen)}"
    for kind in ("page ", "admin edit ", "preview "):  # each text on its page, editor, preview
        hidden = {n for t, n in tags.items() if not any(p.startswith(kind) for p in ledger.seen[t])}
        assert not hidden, f"block texts no {kind.strip()} showed: {sorted(hidden)}"
    assert not ledger.live, ledger.live
    proof_figure(
        record_property,
        "Escaping",
        f"{len(tags)} block texts × {len(ledger.places())} places: "
        f"{ledger.renderings} renderings, 0 live payloads",
    )


def test_rich_text_blocks_written_by_code_are_cleaned_on_save(client, pages):
    """Pages also arrive through the demo loader, imports and code: saving one cleans the rich
    text of its blocks as the editor would have (``website.sanitise``)."""
    by_model, _index = pages
    chosen = choosable()
    ledger = Ledger()
    tags = {}
    for model_pages in by_model.values():
        page = model_pages[0]
        for model, field in stream.stream_fields():
            if model is type(page):
                setattr(page, field.name, stream.stream_raw(model, field, chosen))
        tags.update(stream.poisoned_tags(type(page)))
        page.save_revision().publish()
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        name = type(page).__name__
        ledger.html(f"page {name}", response.content.decode(), set(tags))
        rich = stream.rich_tags() & set(tags)
        api_check(client, ledger, name, f"/api/v2/pages/{page.pk}/", set(tags), rich)
    rich = stream.rich_tags() & set(tags)
    assert rich <= set(ledger.seen)
    assert not ledger.live, ledger.live
