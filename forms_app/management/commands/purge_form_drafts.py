from django.core.management.base import BaseCommand

from forms_app.models import FormDraft


class Command(BaseCommand):
    help = "Delete wizard drafts whose lifetime (FORMS_DRAFT_LIFETIME_DAYS) has ended."

    def handle(self, *args, **options):
        deleted, _by_model = FormDraft.objects.expired().delete()
        self.stdout.write(f"Deleted {deleted} expired draft(s).")
