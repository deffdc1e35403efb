"""The Content Security Policy, strict on the public site and workable in the Wagtail admin."""

from csp.middleware import CSPMiddleware, PolicyParts

# Wagtail's admin widgets (e.g. the date chooser in listing filters) still render small inline
# scripts, so the admin alone may run inline scripts; it is staff-only and sends no third-party
# content. The public site keeps ``script-src 'self'``.
ADMIN_PREFIX = "/admin/"
ADMIN_SCRIPT_SOURCES = {"script-src": ["'self'", "'unsafe-inline'"]}


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.replace = {**(parts.replace or {}), **ADMIN_SCRIPT_SOURCES}
        return parts
