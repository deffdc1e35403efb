from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from forms_app.models import FormDraft
from forms_app.storage import wizard_upload_storage


class Command(BaseCommand):
    help = (
        "Delete wizard drafts whose lifetime (FORMS_DRAFT_LIFETIME_DAYS) has ended, with their "
        "uploads, and uploads of abandoned wizards older than that lifetime."
    )

    def handle(self, *args, **options):
        deleted, _by_model = FormDraft.objects.expired().delete()
        self.stdout.write(f"Deleted {deleted} expired draft(s).")
        self.stdout.write(f"Deleted {purge_abandoned_uploads()} abandoned upload(s).")


def purge_abandoned_uploads() -> int:
    """Uploads no draft holds, older than a draft may live: their wizard was never finished."""
    lifetime = timedelta(days=getattr(settings, "FORMS_DRAFT_LIFETIME_DAYS", 30))
    cutoff = timezone.now() - lifetime
    held = {name for draft in FormDraft.objects.only("data").iterator() for name in draft.uploads()}
    try:
        _folders, names = wizard_upload_storage.listdir("")
    except FileNotFoundError:
        return 0
    abandoned = [
        name
        for name in names
        if name not in held and wizard_upload_storage.get_modified_time(name) < cutoff
    ]
    for name in abandoned:
        wizard_upload_storage.delete(name)
    return len(abandoned)
