"""The retention rule: closed cases are anonymised ``CASEWORK_RETENTION_YEARS`` after closing.

Run it daily or monthly from cron; ``--dry-run`` reports what it would do and changes nothing.
"""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from casework.conf import setting
from casework.privacy import ErasureReason, anonymise_cases, retention_cutoff, retention_due

from .send_casework_reminders import parse_day

BATCH = 500


class Command(BaseCommand):
    help = "Anonymise closed cases whose retention period has ended."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report the counts; change nothing."
        )
        parser.add_argument(
            "--years",
            type=int,
            default=None,
            help="Years after closing (default CASEWORK_RETENTION_YEARS, now "
            f"{setting('CASEWORK_RETENTION_YEARS')}).",
        )
        parser.add_argument("--today", type=parse_day, help="Run as if today were this date.")

    def handle(self, *args, dry_run=False, years=None, today=None, **options):
        if years is not None and years < 0:
            raise CommandError("--years cannot be negative.")
        today = today or timezone.localdate()
        cutoff = retention_cutoff(today, years)
        due = retention_due(today, years)
        per_city = Counter(due.values_list("city__slug", flat=True))
        total = sum(per_city.values())
        cities = ", ".join(f"{city} {count}" for city, count in sorted(per_city.items()))
        prefix = "Would anonymise" if dry_run else "Anonymising"
        self.stdout.write(
            f"{prefix} {total} cases closed on or before {cutoff.isoformat()}"
            + (f" ({cities})." if cities else ".")
        )
        if dry_run:
            return
        done = 0
        while ids := list(due.order_by("pk").values_list("pk", flat=True)[:BATCH]):
            done += anonymise_cases(ids, user=None, reason=ErasureReason.RETENTION, today=today)
        self.stdout.write(f"{done} cases anonymised.")
