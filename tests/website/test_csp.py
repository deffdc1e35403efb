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
        assert directive(policy, "frame-ancestors") == "frame-ancestors 'none'", path
    client.force_login(make_user("Editors"))  # the userbar comes with the page, same policy
    assert "'unsafe-inline'" not in client.get("/")["Content-Security-Policy"]


def test_the_admin_allows_inline_styles_and_scripts(client, home_pages, make_user):
    client.force_login(make_user("Programme administrators"))
    policy = client.get("/admin/pages/")["Content-Security-Policy"]
    assert directive(policy, "style-src") == "style-src 'self' 'unsafe-inline'"
    assert directive(policy, "script-src") == "script-src 'self' 'unsafe-inline'"
    assert directive(policy, "frame-ancestors") == "frame-ancestors 'self'"


def test_only_the_admins_preview_of_a_page_may_be_framed_by_the_site(client, home_pages, make_user):
    """Wagtail renders the preview through a dummy request for the page's public URL ("/")."""
    from website.models import HomePage

    client.force_login(make_user("Programme administrators"))
    home = HomePage.objects.get(locale__language_code="de")
    assert client.get(home.url)["Content-Security-Policy"].count("frame-ancestors 'none'") == 1
    preview = home.make_preview_request()["Content-Security-Policy"]
    assert directive(preview, "frame-ancestors") == "frame-ancestors 'self'"
    assert directive(preview, "script-src") == "script-src 'self'"
    response = client.get(f"/admin/pages/{home.pk}/edit/preview/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert directive(policy, "frame-ancestors") == "frame-ancestors 'self'"
