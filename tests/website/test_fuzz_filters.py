"""Fuzzing every search and filter box: admin listings, the public pages' forms, the API.

The boxes are found, not listed: every admin listing view in the URL resolver (Wagtail's generic
listings: snippets, "My cases", submissions, historical figures, users ...), every GET form on
every live page of the site (knowledge search and filters, the partner directory), and every
endpoint of the headless API with the query parameters it knows. A listing's parameters are the
controls of the GET forms on its page and the parameters of its own links (ordering, paging,
export). Each is then sent hostile text, repeated values and offered values mixed, as the
superuser, a case manager and (public pages, API) anonymously. No answer is a server error.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.models import Page

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forms_app.models import FormSubmission
from tests.casework import factories as casework_factories
from tests.factories import UserFactory
from tests.forms_app.factories import field as form_field
from tests.forms_app.factories import make_form_page, step
from tests.fuzzing import Tally, assert_no_server_error, fuzz_settings, hostile_text
from tests.knowledge.factories import GoodPracticeFactory, KnowledgeIndexFactory
from tests.partners.factories import PartnerFactory
from website.api import api_router

pytestmark = [pytest.mark.django_db, pytest.mark.proof]

EXAMPLES = 2  # per box and persona
SKIPPED_CONTROLS = {"csrfmiddlewaretoken"}


@dataclass
class Box:
    """A URL answering GET parameters, with the values its page offers for each."""

    url: str
    offered: dict[str, set[str]] = field(default_factory=dict)


class GetControls(HTMLParser):
    """The controls of a page's GET forms, by form action, and the query parameters of its links
    back to the same path."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.boxes: dict[str, Box] = {}
        self._form: Box | None = None
        self._select: str | None = None

    def box(self, action: str) -> Box:
        target = urlsplit(action).path or self.path
        return self.boxes.setdefault(target, Box(target))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            get = (attrs.get("method") or "get").lower() == "get"
            self._form = self.box(attrs.get("action") or "") if get else None
        elif tag == "a" and "?" in (attrs.get("href") or ""):
            href = attrs["href"]
            if (urlsplit(href).path or self.path) == self.path:
                for key, value in parse_qsl(urlsplit(href).query, keep_blank_values=True):
                    self.box(self.path).offered.setdefault(key, set()).add(value)
        elif self._form is not None and tag in ("input", "select", "textarea") and name:
            if name not in SKIPPED_CONTROLS and attrs.get("type") != "submit":
                self._form.offered.setdefault(name, set()).add(attrs.get("value") or "")
            self._select = name if tag == "select" else None
        elif tag == "option" and self._form is not None and self._select:
            self._form.offered[self._select].add(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def boxes_on(client, url: str) -> list[Box]:
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    parser = GetControls(urlsplit(url).path)
    parser.feed(response.content.decode())
    return [box for box in parser.boxes.values() if box.offered]


def admin_listing_urls(arguments: dict[str, int]) -> list[str]:
    """Every listing view of the admin, filled with ``arguments`` where it takes any."""
    urls = []

    def walk(resolver: URLResolver, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                )
                continue
            view = getattr(pattern.callback, "view_class", None)
            if not (isinstance(pattern, URLPattern) and pattern.name and view):
                continue
            if not issubclass(view, BaseListingView) or pattern.name.endswith("results"):
                continue  # the "results" views are the same listings, fetched by the page
            names = list(pattern.pattern.converters)
            if names and not set(names) <= set(arguments):
                # one object's history or usage: the same filters as the listings' own
                if not issubclass(view, IndexView):
                    continue
                raise AssertionError(f"Say here which {names} to fuzz {pattern.name} with.")
            urls.append(reverse(namespace + pattern.name, kwargs={n: arguments[n] for n in names}))

    walk(get_resolver(), "")
    return urls


@pytest.fixture
def site_content(home_pages):
    from dashboards.models import HistoricalFigure
    from partners.models import City, PartnerDirectoryPage
    from website.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    index = KnowledgeIndexFactory(parent=home)
    GoodPracticeFactory(parent=index, title="Arbeit für alle")
    directory = home.add_child(instance=PartnerDirectoryPage(title="Partner", slug="partner"))
    directory.save_revision().publish()
    PartnerFactory(publish=True, name="Gesa gGmbH")
    manager = casework_factories.case_manager("wuppertal")
    casework_factories.CaseFactory(case_manager=manager)
    form = make_form_page(home, step("a", form_field("short_text", "name")), title="Kontakt")
    FormSubmission.objects.create(page=form, answers={"name": "Müller"}, language="de")
    HistoricalFigure.objects.create(
        period_start="2008-10-01",
        period_end="2013-08-31",
        city=City.objects.sources().get(slug="wuppertal"),
        measure="participants_entered",
        value=1042,
        source="Vortrag 2013",
    )
    return {"manager": manager, "form": form}


def parameters(box: Box):
    """Some of the box's parameters (and an unknown one), each with offered or hostile values."""
    names = sorted(box.offered)
    value = {
        name: st.lists(
            st.one_of(st.sampled_from(sorted(box.offered[name])), hostile_text()), max_size=3
        )
        for name in names
    }
    unknown = st.dictionaries(st.text(min_size=1, max_size=8), st.lists(hostile_text(), max_size=2))
    return st.builds(
        lambda chosen, extra: {**extra, **chosen},
        st.fixed_dictionaries({}, optional=value),
        st.one_of(st.just({}), unknown),
    )


def fuzz_box(client, box: Box, persona: str, tally: Tally) -> None:
    @fuzz_settings(EXAMPLES)
    @given(query=parameters(box))
    def send(query):
        tally.sent((persona, box.url))
        response = client.get(box.url, query)
        if getattr(response, "streaming", False):  # an export: its errors come while it streams
            b"".join(response.streaming_content)
        assert_no_server_error(response, (box.url, query))

    send()


def test_every_admin_listing_answers_any_search_and_filter(client, site_content, record_property):
    tally = Tally("admin listings' search and filters")
    users = {
        "superuser": UserFactory(is_superuser=True, is_staff=True),
        "case manager": site_content["manager"],
    }
    urls = admin_listing_urls({"page_id": site_content["form"].pk})
    for persona, user in users.items():
        client.force_login(user)
        for url in urls:
            for box in boxes_on(client, url):
                fuzz_box(client, box, persona, tally)
    assert ("case manager", reverse("casework:index")) in tally.targets
    assert ("superuser", reverse("forms_app:submissions", args=[site_content["form"].pk])) in (
        tally.targets
    )
    tally.report(record_property)


def test_every_public_search_box_and_api_parameter_answers_any_text(
    client, site_content, record_property
):
    tally = Tally("public search and filter forms, API parameters")
    seen = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        for box in boxes_on(client, page.url):
            if box.url not in seen:
                seen.add(box.url)
                fuzz_box(client, box, "anonymous", tally)
    for name, endpoint in api_router._endpoints.items():
        offered = {parameter: {""} for parameter in endpoint.known_query_parameters}
        fuzz_box(client, Box(f"/api/v2/{name}/", offered), "anonymous", tally)
    assert len(seen) >= 2  # the knowledge index and the partner directory at least
    tally.report(record_property)
