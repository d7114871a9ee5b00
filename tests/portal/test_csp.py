"""Content-Security-Policy (django-csp): strict on public pages, off in Wagtail's admin."""

import re

from django.urls import reverse

import pytest


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_public_pages_allow_only_this_site_and_no_inline_script(client, home, locales):
    policy = directives(client.get("/en/"))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]  # no nonce unless a page asks for one
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


def test_error_pages_and_apis_carry_the_policy_too(client, home, locales):
    for path in ["/en/no-such-page/", "/api/v1/search/?q=food", "/open-data/directory.json"]:
        assert directives(client.get(path))["script-src"] == ["'self'"], path


def test_the_admin_is_left_to_wagtail(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert 'name="password"' in response.text  # Wagtail's sign-in form
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.urls("tests.portal.failing_urls")
def test_the_500_page_inline_style_carries_the_policy_nonce(client, db):
    client.raise_request_exception = False
    response = client.get("/en/fail/")

    nonce = re.search(r'<style nonce="([^"]+)">', response.text).group(1)
    assert directives(response)["style-src"] == ["'self'", f"'nonce-{nonce}'"]
