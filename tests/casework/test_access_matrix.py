"""Every casework URL × every kind of user: the answer each must get.

The URLs are discovered from the resolver (namespace ``casework``), so a new casework URL
without a row in ``EXPECTED`` fails ``test_every_casework_url_has_an_expected_answer``.
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
EXPECTED = {
    "index": (200, 200, 200, 200, DENIED, DENIED, 200),
    "index_results": (200, 200, 200, 200, DENIED, DENIED, 200),
    "add": (200, 200, DENIED, DENIED, DENIED, DENIED, DENIED),
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
            inner = pattern.namespace or ""
            yield from casework_url_names(pattern, inner if inner == "casework" else namespace)
        elif namespace == "casework" and pattern.name:
            yield pattern.name


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
        "index": [],
        "index_results": [],
        "add": [],
        "answer": [waiting.pk],
        "exchange": [case.pk, transfer.exchanges.first().pk],
        "conference": [case.pk, transfer.conference.pk],
        "print_transfer": [case.pk, transfer.pk],
    }
    return users, {name: args.get(name, [case.pk]) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_access_matrix(client, world, name):
    users, args = world
    url = reverse(f"casework:{name}", args=args[name])
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
