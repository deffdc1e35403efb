"""Daily from cron: mail case managers and partner caseworkers about due exchanges and
conferences (``casework.reminders``). Safe to run again: nothing is sent twice."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from casework.conf import setting
from casework.reminders import send_reminders


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today wants a date like 2026-03-02, not {value!r}.") from error


class Command(BaseCommand):
    help = "Mail reminders about exchanges and case conferences due soon or overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Remind of events due within this many days "
            f"(default CASEWORK_REMINDER_DAYS, now {setting('CASEWORK_REMINDER_DAYS')}).",
        )
        parser.add_argument("--today", type=parse_day, help="Run as if today were this date.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send nothing."
        )

    def handle(self, *args, days=None, today=None, dry_run=False, **options):
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        run = send_reminders(today=today or timezone.localdate(), days=days, dry_run=dry_run)
        verb = "would send" if dry_run else "sent"
        self.stdout.write(f"{run.mails} reminder mails {verb} ({run.reminders} reminders).")
        if run.no_address:
            self.stderr.write(f"{run.no_address} recipients have no e-mail address.")
        if run.failed:
            self.stderr.write(f"{run.failed} mails failed; the next run tries them again.")
        if run.interrupted_before:
            self.stderr.write(
                f"{run.interrupted_before} reminders were decided by an interrupted run and "
                "not sent; they are not resent (see SentReminder rows without sent_at)."
            )
        if run.failed:
            raise CommandError("Some reminder mails could not be sent.")
