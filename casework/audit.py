"""The audit trail of a person's data, kept in Wagtail's own log (``ModelLogEntry``).

Every view, change, print and export of a case is logged against the case with who (the log
entry's user), what (the action), when (its timestamp) and from which address (``data["ip"]``).
The address comes from the request the view is handling (``request_context``), so the domain
services log without knowing about requests. Entries are labelled with the pseudonymous case
number, never the name, because Wagtail's site history report lists labels.
"""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

_client_ip: ContextVar[str | None] = ContextVar("casework_client_ip", default=None)

ACTIONS = {
    "casework.case.view": (_("View case"), _("Viewed the case")),
    "casework.case.create": (_("Open case"), _("Opened the case")),
    "casework.case.edit": (_("Edit case"), _("Changed the person's details")),
    "casework.case.close": (_("Close case"), _("Closed the case")),
    "casework.case.reopen": (_("Reopen case"), _("Reopened the case")),
    "casework.case.print": (_("Print"), _("Printed a document of the case")),
    "casework.case.export": (_("Export"), _("Exported the person's data (GDPR Art. 15)")),
    "casework.case.anonymise": (_("Anonymise"), _("Anonymised the case (GDPR Art. 17)")),
    "casework.employability.view": (
        _("View employability check"),
        _("Viewed the employability check"),
    ),
    "casework.employability.edit": (
        _("Record employability check"),
        _("Recorded the employability check"),
    ),
    "casework.plan.save": (_("Save support plan"), _("Saved a new version of the support plan")),
    "casework.transfer.create": (_("Transfer"), _("Transferred the case to a partner")),
    "casework.transfer.accept": (_("Accept transfer"), _("The partner accepted the transfer")),
    "casework.transfer.decline": (_("Decline transfer"), _("The partner declined the transfer")),
    "casework.exchange.record": (_("Record exchange"), _("Recorded an exchange")),
    "casework.conference.record": (_("Record case conference"), _("Recorded the case conference")),
    "casework.training.record": (_("Record training"), _("Recorded a training")),
    "casework.placement.record": (_("Record placement"), _("Recorded a placement")),
    "casework.import": (
        _("Import cases"),
        _("Imported participants and placements from a spreadsheet"),
    ),
}


def client_ip(request) -> str | None:
    """The address the request came from (``REMOTE_ADDR``, set behind trusted proxies by
    ``website.client_address``)."""
    return request.META.get("REMOTE_ADDR")


@contextmanager
def request_context(request):
    """Within this block, audit entries record the request's client address."""
    token = _client_ip.set(client_ip(request))
    try:
        yield
    finally:
        _client_ip.reset(token)


def log_case(case, action: str, user, **data):
    """Write one audit entry for ``case``; ``data`` says what in particular (ids, not names)."""
    data["ip"] = _client_ip.get()
    return log(case, action, user=user, data=data, title=case.number)


def log_import(city, user, **data):
    """The import itself, logged against the city whose cases it wrote."""
    data["ip"] = _client_ip.get()
    return log(city, "casework.import", user=user, data=data)


def log_cases_in_bulk(entries, user) -> list[ModelLogEntry]:
    """``log_case`` for many ``(case, action, data)`` at once: one INSERT, one shared uuid
    (the entries of one user action, as Wagtail groups them)."""
    ip, now, shared = _client_ip.get(), timezone.now(), uuid.uuid4()
    content_types: dict[type, ContentType] = {}
    rows = []
    for instance, action, data in entries:
        model = type(instance)
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(model)
        rows.append(
            ModelLogEntry(
                content_type=content_types[model],
                object_id=str(instance.pk),
                label=instance.number,
                action=action,
                data={**data, "ip": ip},
                timestamp=now,
                user=user,
                uuid=shared,
            )
        )
    return ModelLogEntry.objects.bulk_create(rows)


def register(actions) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
