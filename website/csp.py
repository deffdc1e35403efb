"""The Content Security Policy, strict on the public site and workable in the Wagtail admin."""

from csp.middleware import CSPMiddleware, PolicyParts

# Wagtail's admin still renders small inline scripts (e.g. the date chooser in listing filters)
# and sets inline styles (style attributes in its templates, e.g. the page explorer and the
# chooser modals), so the admin alone may use both; it is staff-only and sends no third-party
# content. The public site keeps ``script-src 'self'`` and ``style-src 'self'`` (settings'
# CONTENT_SECURITY_POLICY) and may not be framed at all (``frame-ancestors 'none'``).
#
# Only the admin's own frames may be framed by the site itself: its preview panel shows a page
# rendered by Wagtail's ``make_preview_request``, a dummy request (``request.is_dummy``) for the
# page's public URL (e.g. "/") that runs through this middleware first; the admin view then
# returns that response, header included.
ADMIN_PREFIX = "/admin/"
ADMIN_SOURCES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}
FRAMED_BY_THE_ADMIN = {"frame-ancestors": ["'self'"]}


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.replace = {**(parts.replace or {}), **ADMIN_SOURCES, **FRAMED_BY_THE_ADMIN}
        elif getattr(request, "is_dummy", False):
            parts.replace = {**(parts.replace or {}), **FRAMED_BY_THE_ADMIN}
        return parts
