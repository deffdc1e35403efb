"""The access matrix: every URL the project defines × anonymous, each role, a superuser, a
caseworker of another partner and a deactivated user, and the answer each must get.

The URLs come from the resolver (tests/website/url_matrix.py), so a view added to one of the
project's apps, or a viewset they register in the admin, fails this test until its row is in
tests/website/url_matrix_expected.py. Wagtail's and Django's own admin URLs are covered by a
rule: signed out (or deactivated), each leads to the login. Every page type is served from a
small tree, one page each. A persona refused a URL is refused a POST to it too, and nothing
changes. No answer is a 500.
"""

from django.apps import apps
from django.urls import URLResolver, path

import pytest

from tests.proof import proof_figure
from tests.website.url_matrix import (
    DENIED,
    LOGIN,
    OPEN_ADMIN_URLS,
    READ_REFUSALS,
    REFUSALS,
    answer,
    build_url,
    discover,
    missing_expectations,
)
from tests.website.url_matrix_expected import EXPECTED, PAGES, POST_ONLY
from tests.website.url_matrix_world import (
    PERSONAS,
    VARIANTS,
    World,
    page_types_without_a_page,
    url_kwargs,
)

pytestmark = pytest.mark.proof


def test_a_url_without_an_expectation_is_reported():
    def project_view(request):  # pragma: no cover - never called
        raise AssertionError

    project_view.__module__ = "casework.views.new"

    def library_view(request):  # pragma: no cover - never called
        raise AssertionError

    library_view.__module__ = "wagtail.admin.views.other"
    resolver = URLResolver(
        path("admin/", lambda request: None).pattern,
        [
            path("cases/new-thing/", project_view, name="new_thing"),
            path("other/", library_view, name="other"),
        ],
        namespace="casework_new",
    )
    routes = discover(URLResolver(path("", lambda r: None).pattern, [resolver]), {})
    assert [route.name for route in missing_expectations(routes, EXPECTED)] == [
        "casework_new:new_thing"
    ]
    assert missing_expectations(routes, {"casework_new:new_thing": ()}) == []


def test_a_viewset_of_ours_is_ours_even_with_wagtails_views():
    from wagtail.admin.views.generic import IndexView

    view = IndexView.as_view()
    viewset = URLResolver(
        path("admin/things/", view).pattern, [path("", view, name="index")], namespace="things"
    )
    root = URLResolver(path("", view).pattern, [viewset])
    assert [route.owner for route in discover(root, {"things": "partners"})] == ["partners"]
    assert [route.owner for route in discover(root, {})] == [None]


def test_answers_are_told_apart():
    """The matrix compares these names, so a refusal that became a redirect elsewhere (or the
    other way round) is a difference."""
    from django.http import HttpResponse, HttpResponseRedirect
    from django.urls import reverse

    login = reverse("wagtailadmin_login") + "?next=/admin/cases/1/"
    assert answer(HttpResponseRedirect(login)) == LOGIN
    assert answer(HttpResponseRedirect(reverse("site_login") + "?next=/x/")) == LOGIN
    assert answer(HttpResponseRedirect(reverse("wagtailadmin_home"))) == DENIED
    assert answer(HttpResponseRedirect(reverse("casework:case", args=[3]))) == "→casework:case"
    assert answer(HttpResponse(status=403)) == 403


def test_every_project_url_has_expected_answers():
    routes = [route for route in discover() if route.owner]
    assert len(routes) > 150  # the walk reaches the admin's viewsets and the API
    assert missing_expectations(routes, EXPECTED) == []
    names = {route.name for route in routes}
    assert len(names) == len(routes), "two project URLs share a name"
    assert set(EXPECTED) - names - {n for n in EXPECTED if " (" in n} == set(), "stale rows"


def _counts() -> dict[str, int]:
    """Rows per model of the project's apps and of accounts: a refused POST changes none."""
    labels = (*("website", "forms_app", "partners", "casework", "dashboards", "knowledge"),)
    models = [m for label in labels for m in apps.get_app_config(label).get_models()]
    models += [apps.get_model("auth", "User"), apps.get_model("auth", "Group")]
    return {model._meta.label: model.objects.count() for model in models}


def _check(unexpected, key, persona, got, expected):
    if got != expected:
        unexpected.append(f"{key} as {persona}: got {got!r}, expected {expected!r}")


@pytest.fixture
def world(home_pages, settings, tmp_path):
    settings.FORMS_PRIVATE_ROOT = tmp_path / "private"
    return World()


@pytest.mark.heavy  # about 3,000 requests: minutes on a busy machine
@pytest.mark.django_db
def test_access_matrix(world, record_property):
    clients = world.clients()
    routes = discover()
    unexpected, refused, observed = [], [], {}

    # The project's own URLs, each with real objects (partner A's case, the manager's upload).
    checks = 0
    ours = [route for route in routes if route.owner]
    targets = [(route, "") for route in ours]
    targets += [(route, variant) for route in ours for variant in VARIANTS.get(route.name, {})]
    for route, variant in targets:
        key = f"{route.name} ({variant})" if variant else route.name
        url = build_url(route, url_kwargs(route, world, variant))
        expected = dict(zip(PERSONAS, EXPECTED.get(key, ()), strict=False))
        for persona in PERSONAS:
            client = clients[persona]
            if route.name in POST_ONLY:
                got = answer(client.post(url, {}))
            else:
                got = answer(client.get(url))
            observed.setdefault(key, []).append(got)
            checks += 1
            _check(unexpected, key, persona, got, expected.get(persona))
            if expected.get(persona) in READ_REFUSALS and route.name not in POST_ONLY:
                refused.append((key, url, persona))

    # One page of each page type, served by Wagtail.
    assert page_types_without_a_page(world.pages) == set()
    for label, page in world.pages.items():
        expected = dict(zip(PERSONAS, PAGES.get(label, ()), strict=False))
        for persona in PERSONAS:
            got = answer(clients[persona].get(page.url))
            observed.setdefault(label, []).append(got)
            checks += 1
            _check(unexpected, label, persona, got, expected.get(persona))
            if expected.get(persona) in READ_REFUSALS:
                refused.append((label, page.url, persona))

    # Refused to read, refused to act: a POST without data changes nothing for them.
    before = _counts()
    for key, url, persona in refused:
        got = answer(clients[persona].post(url, {}))
        if got not in REFUSALS:
            unexpected.append(f"POST {key} as {persona}: got {got!r}, a refusal expected")
    assert _counts() == before

    # Wagtail's and Django's own admin URLs: signed out or deactivated, the login.
    builtin = [r for r in routes if not r.owner and r.in_admin and r.name not in OPEN_ADMIN_URLS]
    for route in builtin:
        url = build_url(route)
        for persona in ("anonymous", "deactivated"):
            _check(unexpected, route.name, persona, answer(clients[persona].get(url)), LOGIN)
    for route in [r for r in routes if not r.owner and r.name in OPEN_ADMIN_URLS]:
        got = answer(clients["anonymous"].get(build_url(route)))
        if isinstance(got, int) and got >= 500:
            unexpected.append(f"{route.name} as anonymous: {got}")

    assert not unexpected, "\n".join(unexpected)
    n_urls = len(targets) + len(world.pages)
    proof_figure(
        record_property,
        "Access matrix",
        f"{n_urls} URLs × {len(PERSONAS)} personas = {checks} checks, 0 unexpected "
        f"(+{len(refused)} refused POSTs; {len(builtin)} Wagtail/Django admin URLs × 2 "
        "signed-out personas)",
    )
