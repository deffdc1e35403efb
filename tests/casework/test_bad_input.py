"""Bad input on the screens: each gets a clear message and loses nothing."""

from django.urls import reverse

import pytest

from casework import services
from casework.models import Case, EmployabilityCheck
from tests.casework import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(case, wuppertal_manager, diakonie, today):
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=today, consent_to_share=True
    )
    worker = factories.caseworker(diakonie, username="diakonie")
    services.accept_transfer(transfer, user=worker, today=today)
    return transfer, worker


def test_partners_never_see_the_health_data_only_the_shared_summary(client, case, accepted, today):
    _transfer, worker = accepted
    check = EmployabilityCheck.objects.create(
        case=case,
        checked_on=today,
        health_restrictions="Bandscheibenvorfall 2024",
        result="restricted",
        shared_summary="Keine schweren Lasten",
    )
    client.force_login(worker)
    url = reverse("casework:case", args=[case.pk])
    page = client.get(url).content.decode()
    assert "Bandscheibenvorfall" not in page and "Keine schweren Lasten" not in page
    check.share_summary = True
    check.save()
    page = client.get(url).content.decode()
    assert "Bandscheibenvorfall" not in page and "Keine schweren Lasten" in page
    assert client.get(reverse("casework:employability", args=[case.pk])).status_code == 302


def test_a_closed_case_refuses_changes_with_a_message_and_reopening_is_logged(
    client, case, wuppertal_manager, today
):
    from wagtail.models import ModelLogEntry

    client.force_login(wuppertal_manager)
    response = client.post(reverse("casework:close", args=[case.pk]), {"reason": "moved_away"})
    assert response.status_code == 302
    response = client.post(
        reverse("casework:placement", args=[case.pk]),
        {"kind": "work", "starts_on": "2026-03-02", "sector": "Lager"},
    )
    assert response.status_code == 200
    assert "schreibgeschützt" in response.content.decode()
    assert "Lager" in response.content.decode()  # the input is still on the form
    assert not case.placements.exists()
    client.post(reverse("casework:reopen", args=[case.pk]), {})
    assert Case.objects.get(pk=case.pk).status == "open"
    actions = list(
        ModelLogEntry.objects.for_instance(case).order_by("pk").values_list("action", flat=True)
    )
    assert actions[-2:] == ["casework.case.close", "casework.case.reopen"]


def test_an_exchange_before_the_transfer_is_refused_on_the_form(client, case, accepted, today):
    transfer, worker = accepted
    client.force_login(worker)
    exchange = transfer.exchanges.first()
    response = client.post(
        reverse("casework:exchange", args=[case.pk, exchange.pk]),
        {"held_on": "2026-01-01", "notes": "zu früh"},
    )
    assert response.status_code == 200
    assert "vor Beginn seiner Übermittlung" in response.content.decode()
    exchange.refresh_from_db()
    assert exchange.held_on is None


def test_a_caseworker_guessing_another_partners_exchange_gets_404(
    client, case, accepted, gesa, wuppertal_manager, today
):
    other_case = factories.CaseFactory(case_manager=wuppertal_manager)
    other = services.create_transfer(
        other_case, partner=gesa, user=wuppertal_manager, today=today, consent_to_share=True
    )
    services.accept_transfer(other, user=wuppertal_manager, today=today)
    _transfer, worker = accepted
    client.force_login(worker)
    guessed = reverse("casework:exchange", args=[case.pk, other.exchanges.first().pk])
    assert client.get(guessed).status_code == 404
    guessed_case = reverse("casework:case", args=[other_case.pk])
    assert client.get(guessed_case).status_code == 404


def test_the_conference_closes_the_case(client, case, accepted, wuppertal_manager):
    transfer, _worker = accepted
    client.force_login(wuppertal_manager)
    url = reverse("casework:conference", args=[case.pk, transfer.conference.pk])
    response = client.post(url, {"held_on": "2026-08-19", "outcome": "close", "notes": "Arbeit"})
    assert "Geben Sie an, warum" in response.content.decode()
    response = client.post(
        url,
        {
            "held_on": "2026-08-19",
            "outcome": "close",
            "notes": "Arbeit",
            "closing_reason": "placed",
        },
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).closing_reason == "placed"
