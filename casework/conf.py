"""The programme's rhythm, configurable per installation (settings with these defaults)."""

from django.conf import settings

DEFAULTS = {
    "CASEWORK_TRANSFER_MONTHS": 6,
    "CASEWORK_EXCHANGE_INTERVAL_WEEKS": 6,
    "CASEWORK_CONFERENCE_WEEKS_BEFORE_END": 2,
    # Reminder mails: events due within this many days (and overdue ones).
    "CASEWORK_REMINDER_DAYS": 3,
    # Closed cases are anonymised this many years after closing (apply_case_retention).
    "CASEWORK_RETENTION_YEARS": 10,
    # Spreadsheet import of participants and placements: the largest file and row count.
    "CASEWORK_IMPORT_MAX_BYTES": 5 * 1024 * 1024,
    "CASEWORK_IMPORT_MAX_ROWS": 5000,
    # Files with more rows are confirmed by the task worker (a progress page), not the request.
    "CASEWORK_IMPORT_TASK_ROWS": 1000,
}


def setting(name: str) -> int:
    return getattr(settings, name, DEFAULTS[name])
