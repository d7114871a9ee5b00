"""The client's address: REMOTE_ADDR, or the entry the outermost trusted proxy wrote."""

from django.test import RequestFactory

import pytest

from portal.client import client_ip


def request_from(remote="10.0.0.9", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("198.51.100.4", forwarded="203.0.113.1")) == "198.51.100.4"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        # One proxy: the address it appended, whatever the client wrote before it.
        (1, "203.0.113.1", "203.0.113.1"),
        (1, "6.6.6.6, 203.0.113.1", "203.0.113.1"),
        # Two proxies: the outer one's entry is second from the right.
        (2, "6.6.6.6, 203.0.113.1, 10.0.0.2", "203.0.113.1"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from(forwarded=forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", "not-an-address"])
def test_a_missing_or_garbled_header_falls_back_to_the_peer(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.9", forwarded=forwarded)) == "10.0.0.9"


def test_a_header_shorter_than_the_proxy_chain_is_not_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.9", forwarded="6.6.6.6")) == "10.0.0.9"
