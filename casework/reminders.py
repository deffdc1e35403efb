"""Reminder mails about exchanges and case conferences that are due soon or overdue.

``send_reminders`` is what the daily ``send_casework_reminders`` command runs. Each person gets
one mail per run listing their cases' due events by case number and link, never a name or
anything else about the person. Each reminder (event × recipient × kind) is decided once: the
``SentReminder`` row is written in the transaction that decides to send it and its unique
constraints refuse a second, so a re-run, an interrupted run run again or two runs at once
never mail the same reminder twice. A mail that fails to send gives its decisions back (the
next run tries again). Ctrl-C or SIGTERM (a deploy, a cron timeout) while one mail is being
decided, sent and recorded waits until it is recorded, then stops the run, so the next run sends
exactly the rest. Only a run killed outright (SIGKILL, power loss) between deciding and sending
leaves rows without ``sent_at``, which later runs report and do not resend (a missed reminder
is told, a duplicate is impossible).
"""

import logging
import signal
import threading
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from partners.models import PartnerMembership
from website.roles import PARTNER_CASEWORKERS

from .conf import setting
from .models import (
    CaseConference,
    CaseStatus,
    Exchange,
    ReminderKind,
    SentReminder,
    TransferState,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DueEvent:
    """An exchange or conference not yet held, as a reminder names it."""

    event: Exchange | CaseConference
    case_number: str
    case_pk: int
    due_on: date
    kind: str  # ReminderKind

    @property
    def is_exchange(self) -> bool:
        return isinstance(self.event, Exchange)

    def record_for(self, recipient) -> SentReminder:
        target = "exchange" if self.is_exchange else "conference"
        return SentReminder(**{target: self.event}, recipient=recipient, kind=self.kind)

    def key(self, recipient_id) -> tuple:
        return (self.is_exchange, self.event.pk, recipient_id, self.kind)


@dataclass
class ReminderRun:
    mails: int = 0
    reminders: int = 0
    no_address: int = 0
    failed: int = 0
    interrupted_before: int = 0
    recipients: list = field(default_factory=list)


def _kind(due_on: date, today: date) -> str:
    return ReminderKind.OVERDUE if due_on < today else ReminderKind.DUE


def due_events(today: date, days: int) -> list[tuple[DueEvent, object]]:
    """Every event due within ``days`` or overdue in open cases with an accepted transfer,
    with its transfer (whose partner and case manager are told)."""
    until = today + timedelta(days=days)
    common = {
        "held_on__isnull": True,
        "transfer__state": TransferState.ACCEPTED,
    }
    exchanges = Exchange.objects.filter(
        **common, transfer__case__status=CaseStatus.OPEN, planned_for__lte=until
    ).select_related("transfer__case__case_manager")
    conferences = CaseConference.objects.filter(
        **common, case__status=CaseStatus.OPEN, due_on__lte=until
    ).select_related("transfer__case__case_manager")
    events = []
    for exchange in exchanges:
        case = exchange.transfer.case
        due = DueEvent(
            exchange, case.number, case.pk, exchange.planned_for, _kind(exchange.planned_for, today)
        )
        events.append((due, exchange.transfer))
    for conference in conferences:
        case = conference.transfer.case
        due = DueEvent(
            conference, case.number, case.pk, conference.due_on, _kind(conference.due_on, today)
        )
        events.append((due, conference.transfer))
    return events


def _caseworkers_by_partner(partner_ids) -> dict[int, dict[int, object]]:
    memberships = PartnerMembership.objects.filter(
        partner_id__in=partner_ids,
        user__is_active=True,
        user__groups__name=PARTNER_CASEWORKERS,
    ).select_related("user")
    members = defaultdict(dict)
    for membership in memberships:
        members[membership.partner_id][membership.user_id] = membership.user
    return members


def recipients_of(transfer, caseworkers: dict[int, object]) -> list:
    """The case manager, and the partner's caseworker who accepted the transfer (all the
    partner's caseworkers when that person has left it)."""
    people = []
    manager = transfer.case.case_manager
    if manager.is_active:
        people.append(manager)
    if transfer.decided_by_id in caseworkers:
        people.append(caseworkers[transfer.decided_by_id])
    else:
        people.extend(caseworkers.values())
    return people


def _already_decided(events) -> set[tuple]:
    exchange_ids = [e.event.pk for e, _t in events if e.is_exchange]
    conference_ids = [e.event.pk for e, _t in events if not e.is_exchange]
    rows = SentReminder.objects.filter(exchange_id__in=exchange_ids).values_list(
        "exchange_id", "recipient_id", "kind"
    )
    decided = {(True, *row) for row in rows}
    rows = SentReminder.objects.filter(conference_id__in=conference_ids).values_list(
        "conference_id", "recipient_id", "kind"
    )
    return decided | {(False, *row) for row in rows}


def _language_of(user) -> str:
    language = (
        UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    return language or settings.LANGUAGE_CODE


def reminder_mail(recipient, items: list[DueEvent], today: date) -> tuple[str, str]:
    """Subject and body in the recipient's language: case numbers, dates and links only."""
    base = (get_admin_base_url() or "").rstrip("/")
    with translation.override(_language_of(recipient)):
        lines = [
            {
                "number": item.case_number,
                "what": gettext("Exchange") if item.is_exchange else gettext("Case conference"),
                "due_on": item.due_on,
                "overdue": item.kind == ReminderKind.OVERDUE,
                "url": base + reverse("casework:case", args=[item.case_pk]),
            }
            for item in sorted(items, key=lambda item: (item.due_on, item.case_number))
        ]
        subject = gettext("Casework: %(count)s exchanges or case conferences due") % {
            "count": len(items)
        }
        body = render_to_string("casework/mail/reminder.txt", {"lines": lines, "today": today})
    return subject, body


@contextmanager
def _one_mail_at_a_time():
    """Hold Ctrl-C and SIGTERM until the mail under way is recorded, then act on them; a second
    Ctrl-C stops at once (a hung mail server), leaving that mail's rows without ``sent_at``."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = []

    def hold(signum, frame):
        if held and signum == signal.SIGINT:
            raise KeyboardInterrupt
        held.append(signum)

    previous = {number: signal.signal(number, hold) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        if held:
            signal.raise_signal(held[0])


def _claim(recipient, items: list[DueEvent]) -> list[SentReminder]:
    """Write the decisions to send, each refused by the unique constraints if already made."""
    claimed = []
    with transaction.atomic():
        for item in items:
            record = item.record_for(recipient)
            try:
                with transaction.atomic():
                    record.save()
            except IntegrityError:
                continue  # decided meanwhile by a run beside this one
            claimed.append((item, record))
    return claimed


def send_reminders(*, today: date, days: int | None = None, dry_run: bool = False) -> ReminderRun:
    days = setting("CASEWORK_REMINDER_DAYS") if days is None else days
    run = ReminderRun(interrupted_before=SentReminder.objects.filter(sent_at__isnull=True).count())
    events = due_events(today, days)
    caseworkers = _caseworkers_by_partner({transfer.partner_id for _e, transfer in events})
    decided = _already_decided(events)
    pending = defaultdict(list)
    people = {}
    for event, transfer in events:
        for person in recipients_of(transfer, caseworkers.get(transfer.partner_id, {})):
            if event.key(person.pk) not in decided:
                people[person.pk] = person
                pending[person.pk].append(event)
    for person_pk, items in pending.items():
        person = people[person_pk]
        if not person.email:
            run.no_address += 1
            continue
        if dry_run:
            run.mails, run.reminders = run.mails + 1, run.reminders + len(items)
            run.recipients.append(person.get_username())
            continue
        with _one_mail_at_a_time():
            _send(run, person, items, today)
    return run


def _send(run: ReminderRun, person, items: list[DueEvent], today: date) -> None:
    claimed = _claim(person, items)
    if not claimed:
        return
    subject, body = reminder_mail(person, [item for item, _record in claimed], today)
    records = SentReminder.objects.filter(pk__in=[record.pk for _item, record in claimed])
    try:
        send_mail(subject, body, None, [person.email])
    except Exception:
        logger.exception("Reminder mail to user %s failed; it is tried again", person.pk)
        records.delete()
        run.failed += 1
        return
    records.update(sent_at=timezone.now())
    run.mails, run.reminders = run.mails + 1, run.reminders + len(claimed)
    run.recipients.append(person.get_username())
