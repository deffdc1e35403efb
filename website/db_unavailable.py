"""A database that cannot be reached (restarting, full disk, read-only) answers 503, not 500.

``server_error`` is the site's ``handler500``. Django calls it for every exception nothing else
handled, wherever it was raised: in a view, or in a middleware such as the session's (which
reads and saves the session in the database on every request). When the exception is the
database saying it is unavailable, the person gets a short page in the site's colours (rendered
without a query, since the database is what failed) that says nothing was stored and, after a
wizard step, that their earlier answers are kept, with a link back to them. Every other error
keeps Django's 500 page.

The log gets one line per request: the error's class and the driver's message (which names the
database, never a row), the method and the path (case numbers, never names), no traceback.
The persistent connection that broke is replaced at the next request (``CONN_HEALTH_CHECKS``).
"""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10


READ_ONLY_SQLSTATE = "25006"  # PostgreSQL: a write in a read-only transaction (a standby)


def database_unavailable(error: BaseException | None) -> bool:
    if isinstance(error, OperationalError | InterfaceError):
        return True
    cause = getattr(error, "__cause__", None)
    return isinstance(error, DatabaseError) and getattr(cause, "sqlstate", None) == (
        READ_ONLY_SQLSTATE
    )


def was_wizard_step(request) -> bool:
    """A wizard step (formtools posts ``<prefix>-current_step``): its answers live in the
    session, which keeps what the last step that got through stored."""
    if request.method != "POST":
        return False
    try:
        return any(name.endswith("-current_step") for name in request.POST)
    except Exception:  # an unreadable body: no wizard to point back to
        return False


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    error = sys.exception()
    if not database_unavailable(error):
        return defaults.server_error(request, template_name)
    message = (str(error).strip().splitlines() or [""])[0][:200]
    logger.error(
        "Database unavailable, answered 503 to %s %s: %s: %s",
        request.method,
        request.path,
        type(error).__name__,
        message,
    )
    context = {
        "posted": request.method == "POST",
        "resume_url": request.path + "?resume=1" if was_wizard_step(request) else "",
    }
    response = HttpResponse(render_to_string("website/db_unavailable.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response._has_been_logged = True  # the line above says it; no traceback in django.request
    return response
