"""The Content Security Policy: no inline script or style on the public site; the Wagtail admin
(page previews included, which it serves under its own prefix) may use both."""

import pytest

pytestmark = pytest.mark.django_db


def directive(policy: str, name: str) -> str:
    return next(part.strip() for part in policy.split(";") if part.strip().startswith(name))


def test_public_pages_allow_no_inline_style_or_script(client, home_pages, make_user):
    for path in ("/", "/en/", "/_util/login/"):
        policy = client.get(path)["Content-Security-Policy"]
        assert directive(policy, "style-src") == "style-src 'self'", path
        assert directive(policy, "script-src") == "script-src 'self'", path
        assert directive(policy, "frame-ancestors") == "frame-ancestors 'self'", path
    client.force_login(make_user("Editors"))  # the userbar comes with the page, same policy
    assert "'unsafe-inline'" not in client.get("/")["Content-Security-Policy"]


def test_the_admin_allows_inline_styles_and_scripts(client, home_pages, make_user):
    client.force_login(make_user("Programme administrators"))
    policy = client.get("/admin/pages/")["Content-Security-Policy"]
    assert directive(policy, "style-src") == "style-src 'self' 'unsafe-inline'"
    assert directive(policy, "script-src") == "script-src 'self' 'unsafe-inline'"
    assert directive(policy, "frame-ancestors") == "frame-ancestors 'self'"
