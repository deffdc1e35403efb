"""The client's address, decided once per request for every app that reads it.

The public forms' rate limit (forms_app), the login lockouts (django-axes) and the audit log
(casework) all read ``REMOTE_ADDR``. Behind a load balancer that is the balancer's address, so
every visitor would share one rate-limit bucket and one lockout. Teaching each of them a proxy
header would give three answers to one question; this middleware instead rewrites
``REMOTE_ADDR`` at the start of the request, and only when the direct peer is one of
``TRUSTED_PROXIES`` (addresses or networks). It then takes the right-most address of
``TRUSTED_PROXY_HEADER`` (``X-Forwarded-For``) that is not itself a trusted proxy: the left part of
that header is whatever the client sent, so a client cannot choose its own address. The peer's
own address is kept in ``request.META["PROXY_ADDR"]``.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    try:
        return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return any(address in network for network in networks)


def client_address(meta: dict) -> str | None:
    """The client's address for this request's ``META``, following trusted proxies only."""
    peer = meta.get("REMOTE_ADDR")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    peer_address = _address(peer or "")
    if not networks or peer_address is None or not _trusted(peer_address, networks):
        return peer
    header = meta.get(getattr(settings, "TRUSTED_PROXY_HEADER", "HTTP_X_FORWARDED_FOR"), "")
    for hop in reversed(header.split(",")):
        address = _address(hop)
        if address is None:
            # Garbage in the header: nothing left of it can be trusted, the proxy is the client.
            return peer
        if not _trusted(address, networks):
            return str(address)
    return peer


class ClientAddressMiddleware:
    """Set ``REMOTE_ADDR`` to the client's address (see the module docstring); runs first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        peer = request.META.get("REMOTE_ADDR")
        address = client_address(request.META)
        if address != peer:
            request.META["PROXY_ADDR"] = peer
            request.META["REMOTE_ADDR"] = address
        return self.get_response(request)
