from django.core.management.base import BaseCommand

from forms_app.jobs import purge_expired


class Command(BaseCommand):
    help = "Delete background jobs (and their files) older than FORMS_JOB_RETENTION_HOURS."

    def handle(self, *args, **options):
        count = purge_expired()
        self.stdout.write(f"{count} background job(s) deleted.")
