"""Anonymise or delete submissions past their form's retention period (run it daily)."""

from django.core.management.base import BaseCommand

from forms_app.retention import apply_retention


class Command(BaseCommand):
    help = "Anonymise or delete form submissions older than their form's retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report what would be done."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        results = apply_retention(dry_run=dry_run)
        verb = {"delete": "delete", "anonymise": "anonymise"}
        for result in results:
            done = "would " + verb[result.action] if dry_run else verb[result.action] + "d"
            self.stdout.write(
                f"{result.page.title} (#{result.page.pk}): {done} {result.count} submission(s) "
                f"from before {result.cutoff:%Y-%m-%d}, {result.files} file(s)"
            )
        if not results:
            self.stdout.write("No form has a retention period.")
