"""The address of the client behind a request, the one idea every per-client limit relies on.

With no proxy in front (TRUSTED_PROXY_COUNT = 0) it is REMOTE_ADDR. Behind N reverse proxies
that each append the address they received a request from to X-Forwarded-For, it is the Nth
address from the right: the one the outermost trusted proxy saw. Addresses further left were
written by the client itself and prove nothing, so they are never used.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's IP address as a string ("" if the request carries no usable address)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        # Fewer entries than proxies: the request skipped one, so no entry can be trusted.
        if len(forwarded) >= proxies:
            return _valid(forwarded[-proxies]) or _valid(remote)
    return _valid(remote)


def _valid(address):
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""
