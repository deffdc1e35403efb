"""Every casework URL × every kind of user: the answer each must get.

The URLs are discovered from the resolver (every namespace starting with ``casework``), so a
new casework URL without a row in ``EXPECTED`` fails
``test_every_casework_url_has_an_expected_answer``.
"""

from django.urls import get_resolver, reverse
from django.urls.resolvers import URLResolver

import pytest

from casework import services
from tests.casework import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

USERS = [
    "anonymous",
    "manager",
    "manager_other_city",
    "caseworker",
    "caseworker_other_partner",
    "programme_admin",
    "editor",
    "superuser",
]
# manager, other city's manager, Diakonie caseworker (accepted transfer), Gesa caseworker,
# programme administrator, editor, superuser; anonymous is always sent to the login. DENIED is
# Wagtail's answer to PermissionDenied in the admin: back to the admin home with a message.
DENIED = "denied"
MANAGER_ONLY = (200, 404, DENIED, 404, 404, 404, 404)
RECORDING = (200, 404, 200, 404, 404, 404, 404)
# The Art. 15 export is for the case's managers only; everyone else gets 404 (see views.privacy).
MANAGERS_SEE = (200, 404, 404, 404, 404, 404, 404)
CONFIGURATION = (DENIED, DENIED, DENIED, DENIED, 200, DENIED, 200)
CASES = {
    "index": (200, 200, 200, 200, DENIED, DENIED, 200),
    "index_results": (200, 200, 200, 200, DENIED, DENIED, 200),
    "add": (200, 200, DENIED, DENIED, DENIED, DENIED, DENIED),
    # importing: case managers only (each into their own city, see test_import)
    "import": (200, 200, DENIED, DENIED, DENIED, DENIED, DENIED),
    "import_template": (200, 200, DENIED, DENIED, DENIED, DENIED, DENIED),
    # the generic edit view asks for the change permission before it looks the case up
    "edit": (200, 404, DENIED, DENIED, DENIED, DENIED, 404),
    "case": RECORDING,
    "plan": MANAGER_ONLY,
    "print_plan": RECORDING,
    "transfer": MANAGER_ONLY,
    "print_transfer": RECORDING,
    "answer": (DENIED, 404, 200, 404, 404, 404, 404),
    "exchange": RECORDING,
    "conference": MANAGER_ONLY,
    "employability": MANAGER_ONLY,
    "training": RECORDING,
    "placement": RECORDING,
    "close": MANAGER_ONLY,
    "reopen": MANAGER_ONLY,
    "export": MANAGERS_SEE,
    "export_json": MANAGERS_SEE,
    "anonymise": MANAGER_ONLY,
}
CITIES = ("index", "index_results", "add", "edit", "delete", "history", "history_results", "usage")
EXPECTED = {
    **{f"casework:{name}": answers for name, answers in CASES.items()},
    **{f"casework_manager_cities:{name}": CONFIGURATION for name in CITIES},
}


def answer(response):
    """The status, with a redirect told apart: to the login, or "denied" (to the admin home)."""
    if response.status_code != 302:
        return response.status_code
    if response.url.startswith(reverse("wagtailadmin_login")):
        return "login"
    assert response.url == reverse("wagtailadmin_home"), response.url
    return DENIED


def casework_url_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from casework_url_names(pattern, pattern.namespace or namespace)
        elif namespace.startswith("casework") and pattern.name:
            yield f"{namespace}:{pattern.name}"


def test_every_casework_url_has_an_expected_answer():
    assert set(casework_url_names()) == set(EXPECTED)


@pytest.fixture
def world(case, wuppertal_manager, diakonie, gesa, today):
    services.save_support_plan(
        case, user=wuppertal_manager, expected_version=0, summary="", goals=[{"text": "Arbeit"}]
    )
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    caseworker = factories.caseworker(diakonie, username="diakonie")
    services.accept_transfer(transfer, user=caseworker, today=today)
    waiting_case = factories.CaseFactory(case_manager=wuppertal_manager)
    waiting = services.create_transfer(
        waiting_case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    users = {
        "anonymous": None,
        "manager": wuppertal_manager,
        "manager_other_city": factories.case_manager("solingen", username="solingen"),
        "caseworker": caseworker,
        "caseworker_other_partner": factories.caseworker(gesa, username="gesa"),
        "programme_admin": UserFactory(role="Programme administrators"),
        "editor": UserFactory(role="Editors"),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    args = {
        "casework:answer": [waiting.pk],
        "casework:exchange": [case.pk, transfer.exchanges.first().pk],
        "casework:conference": [case.pk, transfer.conference.pk],
        "casework:print_transfer": [case.pk, transfer.pk],
    }
    profile = wuppertal_manager.case_manager_profile.pk
    for name in EXPECTED:
        if name.endswith((":index", ":index_results", ":add", ":import", ":import_template")):
            args[name] = []
        elif name.startswith("casework_manager_cities:"):
            args[name] = [profile]
    return users, {name: args.get(name, [case.pk]) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_access_matrix(client, world, name):
    users, args = world
    url = reverse(name, args=args[name])
    answers = {}
    for user_key in USERS:
        client.logout()
        if users[user_key] is not None:
            client.force_login(users[user_key])
        answers[user_key] = answer(client.get(url))
        if answers[user_key] != 200:
            # a refused reader is refused as a writer too
            assert answer(client.post(url, {})) == answers[user_key], (user_key, "POST")
    assert answers == dict(zip(USERS, ("login", *EXPECTED[name]), strict=True))
