"""The Content Security Policy, strict on the public site and workable in the Wagtail admin."""

from csp.middleware import CSPMiddleware, PolicyParts

# Wagtail's admin still renders small inline scripts (e.g. the date chooser in listing filters)
# and sets inline styles (style attributes in its templates, e.g. the page explorer and the
# chooser modals), so the admin alone may use both; it is staff-only and sends no third-party
# content. Page previews are served under the admin's prefix too. The public site keeps
# ``script-src 'self'`` and ``style-src 'self'`` (settings' CONTENT_SECURITY_POLICY); no other
# origin may frame any page (``frame-ancestors 'self'``, for the admin's preview panel).
ADMIN_PREFIX = "/admin/"
ADMIN_SOURCES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.replace = {**(parts.replace or {}), **ADMIN_SOURCES}
        return parts
