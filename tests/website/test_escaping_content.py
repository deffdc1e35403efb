"""Escaping proof, admin text: a payload in every text field of every model of the project apps
(found from the models, ``escaping_fields``) stays inert wherever it is shown: the public pages
and their listings, the admin's listings and edit views, the case pages, the exports, the
knowledge feeds and the API.

Fields of the form engine's own models are proved by ``test_escaping_answers`` (the form's
texts and every answer type, through the wizard); they are listed here as covered there.
"""

import contextlib
import json
import xml.etree.ElementTree as ET

from django.urls import NoReverseMatch, reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.viewsets import viewsets
from wagtail.fields import RichTextField
from wagtail.models import Page

import pytest

from dashboards.models import HistoricalFigure
from partners.models import City, Language, PartnerOrganisation, Service, TargetGroup
from tests.factories import UserFactory
from tests.proof import proof_figure
from tests.website import escaping_fields as fields
from tests.website.escaping_inert import Ledger, body, csv_rows, marker, xlsx_rows
from tests.website.escaping_site import build_site, fresh, save_poisoned

pytestmark = [pytest.mark.proof, pytest.mark.django_db]

FORM_ENGINE = "forms_app"
# Every field that takes no payload, and why; compared as a whole, so a new one is a decision.
EXPECTED_SKIPS = {
    "casework.Case.closing_reason": "choices",
    "casework.Case.gender": "choices",
    "casework.Case.number": "not editable",
    "casework.Case.residence_status": "choices",
    "casework.Case.status": "choices",
    "casework.CaseConference.outcome": "choices",
    "casework.CaseNumberCounter.prefix": "max_length 10",
    "casework.EmployabilityCheck.result": "choices",
    "casework.ExchangeProgress.progress": "choices",
    "casework.Placement.kind": "choices",
    "casework.PlanStep.status": "choices",
    "casework.SentReminder.kind": "choices",
    "casework.Training.kind": "choices",
    "casework.Training.status": "choices",
    "casework.Transfer.state": "choices",
    "dashboards.DashboardPage.audience": "choices",
    "dashboards.CaseCount.age_group": "not editable",
    "dashboards.CaseCount.gender": "not editable",
    "dashboards.CaseCount.residence_status": "not editable",
    "dashboards.CaseFact.age_group": "not editable",
    "dashboards.CaseFact.gender": "not editable",
    "dashboards.CaseFact.residence_status": "not editable",
    "dashboards.MonthsToPlacementCount.age_group": "not editable",
    "dashboards.MonthsToPlacementCount.gender": "not editable",
    "dashboards.MonthsToPlacementCount.residence_status": "not editable",
    "dashboards.PlacementCount.age_group": "not editable",
    "dashboards.PlacementCount.gender": "not editable",
    "dashboards.PlacementCount.kind": "not editable",
    "dashboards.PlacementCount.residence_status": "not editable",
    "dashboards.PlacementFact.kind": "not editable",
    "forms_app.BackgroundJob.language": "max_length 20",
    "forms_app.BackgroundJob.status": "choices",
    "forms_app.FormSubmission.language": "max_length 10",
    "forms_app.FormSubmission.search_text": "not editable",
    "forms_app.WizardFormPage.retention_action": "choices",
    "knowledge.GoodPracticeContact.website": "validator: URL (javascript: refused)",
    "knowledge.GoodPracticeOrganisation.role": "choices",
    "knowledge.GoodPracticeOrganisation.website": "validator: URL (javascript: refused)",
    "knowledge.GoodPracticeResource.url": "validator: URL (javascript: refused)",
    "knowledge.NewsPage.kind": "choices",
    "knowledge.Theme.slug": "validator: slug (letters, digits, - and _)",
    "partners.City.slug": "validator: slug (letters, digits, - and _)",
    "partners.Language.slug": "validator: slug (letters, digits, - and _)",
    "partners.PartnerOrganisation.kind": "choices",
    "partners.PartnerOrganisation.postal_code": "max_length 10",
    "partners.PartnerOrganisation.slug": "validator: slug (letters, digits, - and _)",
    "partners.PartnerOrganisation.website": "validator: URL (javascript: refused)",
    "partners.Service.slug": "validator: slug (letters, digits, - and _)",
    "partners.TargetGroup.slug": "validator: slug (letters, digits, - and _)",
}


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def feed_parts(content: bytes) -> tuple[str, str]:
    """A feed's HTML (RSS descriptions, Atom's type="html" parts) and its plain text."""
    root = ET.fromstring(content)  # noqa: S314 - the site's own feed, in a test
    html, text = [], []
    item_descriptions = {id(item.find("description")) for item in root.iter("item")}
    for element in root.iter():
        is_html = id(element) in item_descriptions or element.get("type") == "html"
        (html if is_html else text).append(element.text or "")
    return "\n".join(html), "\n".join(text)


@pytest.fixture
def poisoned(home_pages):
    site = build_site()
    tags: dict[str, str] = {}
    for instance in site.instances:
        instance = fresh(instance)
        tags.update(fields.poison(instance))
        save_poisoned(instance)
    return site, tags, fields.skips()


def page_types() -> set[str]:
    return {
        f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}"
        for page in Page.objects.live().public().exclude(depth=1)
    }


def discovered():
    """Every discovered field's name and tag, and which of them are the form engine's."""
    return {fields.field_name(m, f): fields.field_tag(m, f) for m, f in fields.text_fields()}


def admin_places(site, superuser):
    """Listing and edit view of each poisoned instance's admin, found from Wagtail's registry."""
    finder = AdminURLFinder(superuser)
    places = {}
    for instance in site.instances:
        model = type(instance)
        if model._meta.app_label == "casework":
            continue  # a case is shown to its case managers only (below), superusers get 404
        edit = finder.get_edit_url(instance)
        if edit:
            places[f"admin edit {model._meta.label}"] = edit
        if isinstance(instance, Page):
            places[f"admin listing under {instance.get_parent().pk}"] = reverse(
                "wagtailadmin_explore", args=[instance.get_parent().pk]
            )
            continue
        if listing := listing_url(model):
            places[f"admin listing {model._meta.label}"] = listing
    return places


EXPORTED = {PartnerOrganisation, Service, City, TargetGroup, Language, HistoricalFigure}
# Text of the exported models that the exports leave out (the notes are the programme's own).
NOT_EXPORTED = {
    "partners.PartnerOrganisation.internal_notes",
    *(f"partners.{name}.synonyms" for name in ("Service", "City", "TargetGroup", "Language")),
}
EXPORTS = {"partners": PartnerOrganisation, "historical figures": HistoricalFigure}


def listing_url(model) -> str:
    """The admin listing of ``model``, from Wagtail's registry of viewsets."""
    for viewset in viewsets.viewsets:
        if getattr(viewset, "model", None) is model and hasattr(viewset, "get_url_name"):
            for name in ("list", "index"):  # a snippet's listing, a model viewset's
                with contextlib.suppress(NoReverseMatch):
                    return reverse(viewset.get_url_name(name))
    return ""


def export(client, ledger, tags, flavour="html"):
    """The admin's CSV and XLSX exports of the partner listing and the historical figures."""
    for listing, model in EXPORTS.items():
        for fmt, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
            url = listing_url(model) + f"?export={fmt}"
            response = client.get(url)
            assert response.status_code == 200, url
            ledger.cells(f"{listing} {fmt.upper()} ({flavour})", read(body(response)), tags)


def test_every_text_field_is_inert_everywhere(client, poisoned, record_property):
    site, tags, skipped = poisoned
    every = discovered()
    engine = {name for name in every if name.startswith(FORM_ENGINE + ".")}
    poisoned_names = {name for name, tag in every.items() if tag in tags}
    missing = set(every) - engine - poisoned_names - set(skipped)
    assert not missing, f"text fields of models the proof builds no instance of: {sorted(missing)}"
    print("fields without a payload:", json.dumps(skipped, indent=1, sort_keys=True))
    assert skipped == EXPECTED_SKIPS
    rich = {fields.field_tag(m, f) for m, f in fields.text_fields() if isinstance(f, RichTextField)}

    ledger = Ledger()
    all_tags = set(tags)
    superuser = UserFactory(username="technik-escaping", is_superuser=True, is_staff=True)

    # The public site, anonymous.
    public = {"home": "/", "directory": site.directory.url, "knowledge index": site.knowledge.url}
    public["partner entry"] = site.directory.url + site.directory.reverse_subpage(
        "partner_detail", args=[site.partner.slug]
    )
    for page in Page.objects.live().public().specific():
        if page.url:
            public.setdefault(f"page {type(page).__name__} {page.pk}", page.url)
    for place, url in public.items():
        response = client.get(url)
        assert response.status_code == 200, (place, url, response.status_code)
        ledger.html(place, response.content.decode(), all_tags)
    for name in ("rss", "atom"):
        url = site.knowledge.url + site.knowledge.reverse_subpage(name)
        response = client.get(url)
        assert response.status_code == 200
        html, text = feed_parts(response.content)
        ledger.html(f"knowledge {name} feed", html, all_tags)
        ledger.text(f"knowledge {name} feed (titles)", text, all_tags)
    api = [f"/api/v2/pages/?type={label}&fields=*" for label in page_types()]
    for url in [*api, "/api/v2/partners/?fields=*", "/api/v2/dashboards/"]:
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        data = json.loads(response.content)
        ledger.text(f"API {url}", json.dumps(data), all_tags)
        for text in json_strings(data):
            if any(marker(tag) in text for tag in rich):
                ledger.html(f"API rich text {url}", text, rich)

    # The admin as a superuser; the case pages as the case's manager and its partner caseworker.
    client.force_login(superuser)
    for place, url in admin_places(site, superuser).items():
        response = client.get(url)
        assert response.status_code == 200, (place, url, response.status_code)
        ledger.html(place, response.content.decode(), all_tags)
    export(client, ledger, all_tags)
    # The same exports again with spreadsheet formulas in every exported text.
    formula_tags = {}
    for instance in site.instances:
        if type(instance) in EXPORTED:
            instance = fresh(instance)
            formula_tags.update(fields.poison(instance, formulas=True))
            save_poisoned(instance)
    export(client, ledger, set(formula_tags), "formulas")
    unexported = {
        name
        for tag, name in formula_tags.items()
        if not any(place.endswith("(formulas)") for place in ledger.seen.get(tag, ()))
    }
    assert unexported == NOT_EXPORTED, unexported

    case, transfer = site.case, site.transfer
    casework = {
        "my cases": reverse("casework:index"),
        "case page": reverse("casework:case", args=[case.pk]),
        "case edit": reverse("casework:edit", args=[case.pk]),
        "support plan": reverse("casework:plan", args=[case.pk]),
        "support plan print": reverse("casework:print_plan", args=[case.pk]),
        "transfer print": reverse("casework:print_transfer", args=[case.pk, transfer.pk]),
        "employability": reverse("casework:employability", args=[case.pk]),
        "Art. 15 page": reverse("casework:export", args=[case.pk]),
        "admin home": reverse("wagtailadmin_home"),
    }
    for exchange in transfer.exchanges.all():
        casework[f"exchange {exchange.pk}"] = reverse(
            "casework:exchange", args=[case.pk, exchange.pk]
        )
    for conference in case.conferences.all():
        casework[f"conference {conference.pk}"] = reverse(
            "casework:conference", args=[case.pk, conference.pk]
        )
    for user in (site.manager, site.caseworker):
        client.force_login(user)
        for place, url in casework.items():
            response = client.get(url)
            if response.status_code == 200:
                ledger.html(f"{place} ({user.username})", response.content.decode(), all_tags)
            else:
                # the partner's caseworker may not edit the case or write its plan
                assert user == site.caseworker and response.status_code in (302, 403, 404), place
    client.force_login(site.manager)
    response = client.get(reverse("casework:export_json", args=[case.pk]))
    assert response["Content-Type"].startswith("application/json")
    ledger.text("Art. 15 JSON", json.dumps(json.loads(response.content)), all_tags)

    print("places:", len(ledger.places()), sorted(ledger.places()))
    assert not ledger.live, ledger.live
    unseen = {name for name, tag in every.items() if tag in tags and tag not in ledger.seen}
    assert not unseen, f"fields holding a payload that no place showed: {sorted(unseen)}"
    for tag in rich:
        assert tag in ledger.seen, tag
    proof_figure(
        record_property,
        "Escaping",
        f"{len(tags)} fields × {len(ledger.places())} places: "
        f"{ledger.renderings} renderings, 0 live payloads",
    )
