"""The reminder command interrupted in the middle and run again: every due reminder is mailed
exactly once in total.

Five people are due eight reminders (four case managers one case each, the partner's
caseworker all four). The run is interrupted at its second mail in four ways: Ctrl-C (SIGINT)
or SIGTERM arriving while the mail server is being asked to take it (the run finishes that mail
and stops), the mail server refusing the third mail and every one after it, and the process
dying right after the mail server took the second mail, before the run recorded it (what
SIGKILL does at the worst moment). Then the command runs again, and once more.
"""

import os
import re
import signal
from datetime import timedelta
from io import StringIO
from smtplib import SMTPException

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command

import pytest

from casework import services
from casework.models import SentReminder
from tests.casework import factories
from tests.proof import proof_figure

pytestmark = [pytest.mark.proof, pytest.mark.django_db]

MANAGERS = 4
INTERRUPT_AFTER = 2


class ProcessDied(BaseException):
    """The process ends here: nothing after it runs (as after SIGKILL)."""


class InterruptingBackend(EmailBackend):
    """The test mail box, which interrupts the run after INTERRUPT_AFTER mails in one way."""

    how = None
    sent = 0

    def send_messages(self, messages):
        cls = type(self)
        if cls.how == "refused" and cls.sent == INTERRUPT_AFTER:
            raise SMTPException("451 try again later")
        if cls.how in ("sigint", "sigterm") and cls.sent == INTERRUPT_AFTER - 1:
            # while talking to the mail server, before it has taken this mail
            os.kill(os.getpid(), signal.SIGINT if cls.how == "sigint" else signal.SIGTERM)
        count = super().send_messages(messages)
        cls.sent += count
        if cls.how == "killed" and cls.sent == INTERRUPT_AFTER:
            raise ProcessDied
        return count


class Terminated(BaseException):
    pass


@pytest.fixture
def terminate_on_sigterm():
    """A process whose SIGTERM ends it (as Django's own commands leave it, minus the exit)."""

    def stop(signum, frame):
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    yield
    signal.signal(signal.SIGTERM, previous)


@pytest.fixture
def interrupt_on_ctrl_c():
    """Ctrl-C raises ``KeyboardInterrupt``, as in a terminal. Set here, not assumed: the run
    hands a held Ctrl-C to the handler it found, and in CI runs that was twice not Python's
    own (something run before in the same worker had left its own handler)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture
def due(diakonie, today):
    """Four accepted transfers whose first exchange was due a week ago: eight reminders."""
    caseworker = factories.caseworker(diakonie, username="diakonie")
    start = today - timedelta(weeks=7)
    expected = set()
    for number in range(MANAGERS):
        manager = factories.case_manager("wuppertal", username=f"manager{number}")
        case = factories.CaseFactory(case_manager=manager)
        transfer = services.create_transfer(
            case, partner=diakonie, user=manager, today=start, consent_to_share=True
        )
        services.accept_transfer(transfer, user=caseworker, today=start)
        expected |= {(manager.email, case.number), (caseworker.email, case.number)}
    return expected


def reminders_mailed() -> list[tuple[str, str]]:
    """(recipient, case number) for every case named in every mail sent."""
    return [
        (message.to[0], number)
        for message in mail.outbox
        for number in re.findall(r"[A-Z]{3}-\d{4}-\d{4}", message.body)
    ]


def run(today) -> str:
    out = StringIO()
    call_command("send_casework_reminders", f"--today={today.isoformat()}", stdout=out, stderr=out)
    return out.getvalue()


@pytest.mark.parametrize("how", ["sigint", "sigterm", "refused", "killed"])
def test_an_interrupted_run_run_again_mails_every_reminder_once(
    how, due, today, settings, terminate_on_sigterm, interrupt_on_ctrl_c, record_property
):
    settings.EMAIL_BACKEND = f"{__name__}.InterruptingBackend"
    InterruptingBackend.how, InterruptingBackend.sent = how, 0
    with pytest.raises((KeyboardInterrupt, Terminated, ProcessDied, Exception)):
        run(today)
    assert len(mail.outbox) == INTERRUPT_AFTER  # it did stop in the middle
    InterruptingBackend.how = None
    again = run(today)
    assert "0 reminder mails sent" in run(today)  # and once more: nothing left to send

    mailed = reminders_mailed()
    assert len(due) == 2 * MANAGERS
    assert sorted(mailed) == sorted(due)  # each due reminder once, none twice, none missing
    assert len(mail.outbox) == MANAGERS + 1
    assert SentReminder.objects.count() == len(due)
    unrecorded = SentReminder.objects.filter(sent_at__isnull=True).count()
    if how == "killed":  # went out, not recorded as sent: reported, and not sent again
        assert unrecorded and "interrupted run" in again
    else:
        assert unrecorded == 0
    proof_figure(
        record_property,
        "Faults",
        f"reminder run interrupted ({how}) after {INTERRUPT_AFTER} of {MANAGERS + 1} mails and "
        f"run again twice: {len(due)} due reminders each mailed exactly once",
    )
