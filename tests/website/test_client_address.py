"""The client's address behind trusted proxies: one answer for rate limit, lockouts and audit."""

from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

import pytest

from tests.factories import DEFAULT_PASSWORD
from website.client_address import client_address
from website.roles import CASE_MANAGERS

PROXIES = ["10.0.0.0/8", "192.0.2.10"]


def meta(peer, forwarded=None):
    values = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        values["HTTP_X_FORWARDED_FOR"] = forwarded
    return values


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        # Without trusted proxies the header is ignored, whoever sends it.
        ("203.0.113.5", "198.51.100.1", "203.0.113.5"),
        # Through a trusted proxy: the address it saw.
        ("10.1.2.3", "198.51.100.1", "198.51.100.1"),
        # A client's own X-Forwarded-For is the left part; the proxy appends the real peer.
        ("10.1.2.3", "1.1.1.1, 198.51.100.1", "198.51.100.1"),
        # Two trusted proxies in a row: the right-most address that is not one of them.
        ("10.1.2.3", "198.51.100.1, 192.0.2.10", "198.51.100.1"),
        ("10.1.2.3", "2001:db8::7", "2001:db8::7"),
        # Nothing but proxies, no header, or garbage: the proxy itself.
        ("10.1.2.3", "10.4.4.4", "10.1.2.3"),
        ("10.1.2.3", None, "10.1.2.3"),
        ("10.1.2.3", "<script>, 198.51.100.1", "198.51.100.1"),
        ("10.1.2.3", "198.51.100.1, not-an-address", "10.1.2.3"),
        # An untrusted peer's header is never read.
        ("203.0.113.5", "10.1.2.3", "203.0.113.5"),
    ],
)
def test_client_address_follows_trusted_proxies_only(settings, peer, forwarded, expected):
    settings.TRUSTED_PROXIES = PROXIES
    assert client_address(meta(peer, forwarded)) == expected


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(meta("10.1.2.3", "198.51.100.1")) == "10.1.2.3"


def test_a_wrong_proxy_setting_is_a_clear_configuration_error(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/33"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        client_address(meta("10.1.2.3"))


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXIES=PROXIES)
def test_login_lockouts_count_per_client_behind_the_proxy(client, make_user):
    """Three wrong passwords from one client pause that client, not everyone behind the proxy."""
    user = make_user(CASE_MANAGERS)

    def attempt(password, forwarded):
        return client.post(
            "/admin/login/",
            {"username": user.username, "password": password},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    for number in range(3):
        attempt("wrong-password-123", f"198.51.100.1, {number}.{number}.{number}.1")
    # the account is paused (per username), but a guessing client behind the proxy is paused
    # by its own address, not the proxy's:
    from axes.models import AccessAttempt

    addresses = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert addresses == {"0.0.0.1", "1.1.1.1", "2.2.2.1"}
    assert attempt(DEFAULT_PASSWORD, "198.51.100.2").status_code == 429  # username still paused
