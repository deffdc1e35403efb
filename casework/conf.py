"""The programme's rhythm, configurable per installation (settings with these defaults)."""

from django.conf import settings

DEFAULTS = {
    "CASEWORK_TRANSFER_MONTHS": 6,
    "CASEWORK_EXCHANGE_INTERVAL_WEEKS": 6,
    "CASEWORK_CONFERENCE_WEEKS_BEFORE_END": 2,
}


def setting(name: str) -> int:
    return getattr(settings, name, DEFAULTS[name])
