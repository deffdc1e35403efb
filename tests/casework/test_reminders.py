"""Reminder mails with a fixed clock: sent once, never again on a re-run, no personal data."""

from datetime import timedelta
from io import StringIO
from smtplib import SMTPException
from unittest import mock

from django.core import mail
from django.core.management import CommandError, call_command

import pytest

from casework import services
from casework.models import SentReminder
from tests.casework import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(case, wuppertal_manager, diakonie, today):
    """A transfer accepted seven weeks ago: its first exchange was due a week ago."""
    caseworker = factories.caseworker(diakonie, username="diakonie")
    start = today - timedelta(weeks=7)
    transfer = services.create_transfer(
        case, partner=diakonie, user=wuppertal_manager, today=start, consent_to_share=True
    )
    services.accept_transfer(transfer, user=caseworker, today=start)
    return transfer, caseworker


def remind(today, **options) -> str:
    out, err = StringIO(), StringIO()
    flags = [f"--{name.replace('_', '-')}={value}" for name, value in options.items()]
    flags = [flag.removesuffix("=True") for flag in flags]
    call_command(
        "send_casework_reminders", f"--today={today.isoformat()}", *flags, stdout=out, stderr=err
    )
    return out.getvalue() + err.getvalue()


def test_each_reminder_is_sent_once_to_case_manager_and_caseworker(
    accepted, case, wuppertal_manager, gesa, today
):
    _transfer, caseworker = accepted
    factories.caseworker(gesa, username="gesa")  # another partner's caseworker: not told
    output = remind(today)
    assert "2 reminder mails sent (2 reminders)" in output
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [wuppertal_manager.email, caseworker.email]
    )
    body = mail.outbox[0].body
    assert case.number in body
    assert f"http://testserver/admin/cases/{case.pk}/" in body
    for personal in (case.first_name, case.last_name, "1990", case.nationality):
        assert personal not in body and personal not in mail.outbox[0].subject

    assert "0 reminder mails sent" in remind(today)
    assert "0 reminder mails sent" in remind(today + timedelta(days=1))
    assert len(mail.outbox) == 2
    assert SentReminder.objects.filter(sent_at__isnull=False).count() == 2


def test_a_due_reminder_is_followed_by_one_overdue_reminder(accepted, today):
    transfer, _caseworker = accepted
    second = transfer.exchanges.order_by("planned_for")[1]
    services.record_exchange(
        transfer.exchanges.order_by("planned_for")[0],
        user=transfer.case.case_manager,
        held_on=today,
        notes="",
    )
    remind(second.planned_for - timedelta(days=3))
    remind(second.planned_for - timedelta(days=1))
    assert len(mail.outbox) == 2
    assert "fällig am" in mail.outbox[0].body  # German unless the user chose otherwise
    remind(second.planned_for + timedelta(days=1))
    remind(second.planned_for + timedelta(days=2))
    assert len(mail.outbox) == 4
    assert "überfällig seit" in mail.outbox[-1].body
    assert set(SentReminder.objects.values_list("kind", flat=True)) == {"due", "overdue"}


def test_days_option_and_setting_say_how_far_ahead(accepted, settings, today):
    transfer, _caseworker = accepted
    services.record_exchange(
        transfer.exchanges.order_by("planned_for")[0],
        user=transfer.case.case_manager,
        held_on=today,
        notes="",
    )
    second = transfer.exchanges.order_by("planned_for")[1].planned_for
    settings.CASEWORK_REMINDER_DAYS = 2
    remind(second - timedelta(days=5))
    assert mail.outbox == []
    remind(second - timedelta(days=5), days=5)
    assert len(mail.outbox) == 2


def test_an_interrupted_run_is_reported_and_never_resends(accepted, today):
    failing = mock.patch("casework.reminders.send_mail", side_effect=KeyboardInterrupt)
    with failing, pytest.raises(KeyboardInterrupt):
        remind(today)
    assert SentReminder.objects.filter(sent_at__isnull=True).exists()
    output = remind(today)
    assert mail.outbox[:1] == mail.outbox  # at most the second recipient's mail
    assert "interrupted run" in output
    again = len(mail.outbox)
    remind(today)
    assert len(mail.outbox) == again


def test_a_failed_mail_is_tried_again_on_the_next_run(accepted, today):
    failing = mock.patch("casework.reminders.send_mail", side_effect=SMTPException("down"))
    with failing, pytest.raises(CommandError):
        remind(today)
    assert not SentReminder.objects.exists()
    remind(today)
    assert len(mail.outbox) == 2


def test_no_reminders_for_held_events_or_closed_cases(accepted, case, wuppertal_manager, today):
    transfer, _caseworker = accepted
    for exchange in transfer.exchanges.all():
        services.record_exchange(exchange, user=wuppertal_manager, held_on=today, notes="")
    remind(today + timedelta(weeks=12))
    assert mail.outbox == []
    remind(transfer.conference.due_on)
    assert len(mail.outbox) == 2  # the conference is still due
    services.close_case(case, reason="moved_away", user=wuppertal_manager, today=today)
    remind(today + timedelta(weeks=30))
    assert len(mail.outbox) == 2


def test_dry_run_sends_and_records_nothing(accepted, today):
    assert "2 reminder mails would send" in remind(today, dry_run=True)
    assert mail.outbox == [] and not SentReminder.objects.exists()


def test_mail_is_in_the_recipients_language(accepted, wuppertal_manager, today):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(
        user=wuppertal_manager, defaults={"preferred_language": "en"}
    )
    remind(today)
    english = next(m for m in mail.outbox if m.to == [wuppertal_manager.email])
    german = next(m for m in mail.outbox if m.to != [wuppertal_manager.email])
    assert "Exchange" in english.body and "overdue since" in english.body
    assert "Austausch" in german.body and "überfällig seit" in german.body
