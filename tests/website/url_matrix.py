"""The URL access matrix's discovery and answers (its expectations are in url_matrix_expected.py,
the test in test_url_access_matrix.py).

Every URL pattern of the resolver is walked. A pattern is the project's own when its view comes
from one of the project's apps (the view function's or class's module), when it belongs to an
admin viewset one of those apps registers (Wagtail's generic views under our viewset's URL
namespace), or when a Wagtail view is set up for one of the project's models (snippet choosers).
Everything else is Wagtail's or Django's and is covered by a rule.
"""

from dataclasses import dataclass
from urllib.parse import urlparse

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404

PROJECT_APPS = ("website", "forms_app", "partners", "casework", "dashboards", "knowledge")

# The answers, as ``answer()`` names them. A redirect elsewhere is "→<url name>".
LOGIN = "login"  # a redirect to the admin's or the site's login
DENIED = "denied"  # Wagtail's answer to PermissionDenied: back to the admin home, with a message
REFUSALS = {LOGIN, DENIED, 403, 404, 405}
# Refused to read: such a persona is also sent a POST, which must be refused. (A 405 on GET is a
# view that acts on POST only, e.g. locking a snippet: for whoever may, a POST acts.)
READ_REFUSALS = REFUSALS - {405}

# Wagtail's admin URLs a visitor may open without signing in.
OPEN_ADMIN_URLS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtail_localize:javascript_catalog",
    "/admin/test404/",  # Wagtail's own 404 test page
    "/admin/^.*/$",  # the admin's catch-all (a 404 behind the login)
}


@dataclass(frozen=True)
class Route:
    """One URL pattern: its name (namespaced; the route where it has none), its full route,
    the names of its arguments and the project app it belongs to (None: Wagtail's or Django's)."""

    name: str
    route: str
    arguments: tuple[str, ...]
    owner: str | None

    @property
    def in_admin(self) -> bool:
        return self.route.startswith("admin/")


def _app_of(module: str | None) -> str | None:
    top = (module or "").split(".")[0]
    return top if top in PROJECT_APPS else None


def _view_module(callback) -> str | None:
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    while view_class is None and hasattr(callback, "__wrapped__"):
        callback = callback.__wrapped__
        view_class = getattr(callback, "view_class", None)
    return (view_class or callback).__module__


def project_viewset_namespaces() -> dict[str, str]:
    """``{url namespace: app}`` of the admin viewsets (snippets included) our apps register."""
    from wagtail.admin.viewsets import viewsets

    assert get_resolver().url_patterns  # loading the admin's URLs registers the viewsets
    found = {}
    for viewset in viewsets.viewsets:
        app = _app_of(type(viewset).__module__)
        if app and viewset.name:
            found[viewset.url_namespace] = app
    return found


def owner_of(pattern: URLPattern, namespace: str, viewset_namespaces: dict[str, str]):
    """The project app a pattern belongs to, or None for Wagtail's and Django's own."""
    app = _app_of(_view_module(pattern.callback))
    if app:
        return app
    if namespace.split(":")[0] in viewset_namespaces:
        return viewset_namespaces[namespace.split(":")[0]]
    model = (getattr(pattern.callback, "view_initkwargs", None) or {}).get("model")
    return _app_of(getattr(model, "__module__", None))


def _arguments(pattern) -> tuple[str, ...]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters:
        return tuple(converters)
    regex = pattern.pattern.regex
    return tuple(regex.groupindex) or tuple(f"#{i}" for i in range(regex.groups))


def discover(resolver=None, viewset_namespaces=None) -> list[Route]:
    """Every URL pattern below ``resolver`` (the project's by default)."""
    resolver = resolver or get_resolver()
    if viewset_namespaces is None:
        viewset_namespaces = project_viewset_namespaces()
    routes = []

    def walk(node: URLResolver, prefix: str, namespace: str) -> None:
        for pattern in node.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern, route, inner)
                continue
            if pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            else:
                name = "/" + route
            owner = owner_of(pattern, namespace, viewset_namespaces)
            routes.append(Route(name, route.lstrip("^"), _arguments(pattern), owner))

    walk(resolver, "", "")
    return routes


def missing_expectations(routes: list[Route], expected) -> list[Route]:
    """The project's routes that have no expected answers: each one fails the matrix."""
    return [route for route in routes if route.owner and route.name not in expected]


def build_url(route: Route, kwargs: dict | None = None) -> str:
    """The route's URL with ``kwargs``; arguments not given get "1" (Wagtail's views check the
    login before they look an object up, so the rule for its URLs needs no real objects)."""
    values = dict.fromkeys(route.arguments, "1")
    values.update(kwargs or {})
    if route.name.startswith("/"):  # unnamed: written from the route
        return route.name.replace("^", "").replace(".*", "x").replace("$", "")
    positional = [values[a] for a in route.arguments if a.startswith("#")]
    if positional:
        return reverse(route.name, args=positional)
    return reverse(route.name, kwargs={a: values[a] for a in route.arguments})


def answer(response) -> int | str:
    """The status, with a redirect named by where it leads: the login, "denied" (the admin
    home), or "→<url name>"."""
    if response.status_code not in (301, 302, 303, 307, 308):
        return response.status_code
    location = urlparse(response["Location"])
    if location.path == reverse("wagtailadmin_home"):
        return DENIED
    try:
        match = resolve(location.path)
    except Resolver404:
        return f"→{location.path}"
    if match.view_name in ("wagtailadmin_login", "site_login", "wagtailcore_login"):
        return LOGIN
    return f"→{match.view_name}"
