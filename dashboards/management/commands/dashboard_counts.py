"""Check the dashboards' kept counts against the records, or count everything again."""

import sys
import time

from django.core.management.base import BaseCommand

from dashboards import counts


class Command(BaseCommand):
    help = (
        "Compare the kept counts of cases and placements with a fresh count of the records "
        "(--check, exits 1 when they differ), or work them out afresh (--rebuild)."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--check", action="store_true")
        action.add_argument("--rebuild", action="store_true")

    def handle(self, *args, check=False, rebuild=False, **options):
        started = time.monotonic()
        if rebuild:
            kept = counts.rebuild()
            self.stdout.write(
                f"Counted afresh: {kept[0]} counts of cases, {kept[1]} of months to placement, "
                f"{kept[2]} of placements ({time.monotonic() - started:.1f} s)."
            )
            return
        fresh, cases, placements = counts.computed()
        names = ("cases", "months to placement", "placements")
        wrong = [
            name
            for name, computed, kept in zip(names, fresh, counts.stored(), strict=True)
            if computed != kept
        ]
        if wrong:
            self.stdout.write(
                f"The kept counts of {', '.join(wrong)} differ from the records: "
                "run `manage.py dashboard_counts --rebuild`."
            )
            sys.exit(1)
        self.stdout.write(
            f"The kept counts agree with the records ({cases} cases, {placements} placements)."
        )
