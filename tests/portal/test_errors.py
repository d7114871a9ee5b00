"""Errors are logged with the request's id, path and traceback; the answer shows the same id."""

import io
import json
import logging

import pytest

pytestmark = pytest.mark.urls("tests.portal.failing_urls")


@pytest.fixture
def stderr_log():
    """What the configured stderr handler writes, in the format production writes it."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "stderr")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.fixture
def failing_client(client, settings):
    assert settings.DEBUG is False  # production-like: Django's handler500, not the debug page
    client.raise_request_exception = False
    return client


def test_a_failing_page_is_logged_with_its_request_id_and_path(failing_client, stderr_log, db):
    response = failing_client.get("/en/fail/")

    request_id = response["X-Request-ID"]
    assert response.status_code == 500
    assert "The error has been logged" in response.text
    assert f"<code>{request_id}</code>" in response.text
    log = stderr_log.getvalue()
    assert f"ERROR django.request [request_id={request_id} path=/en/fail/]" in log
    assert "Internal Server Error: /en/fail/" in log
    assert "Traceback (most recent call last):" in log
    assert "RuntimeError: a bug in a view" in log


def test_a_failing_api_answers_json_with_the_request_id(failing_client, stderr_log, db):
    for path in ["/api/v1/search/fail/", "/open-data/fail/"]:
        response = failing_client.get(path)

        assert response.status_code == 500
        assert response["Content-Type"] == "application/json"
        body = json.loads(response.content)
        assert body["error"] == "Server error. It has been logged."
        assert body["request_id"] == response["X-Request-ID"]
        assert f"[request_id={body['request_id']} path={path}]" in stderr_log.getvalue()


def test_an_unknown_api_address_answers_json_404(client, stderr_log, db):
    for path in ["/api/v1/search/no-such-thing/", "/open-data/no-such-thing.json"]:
        response = client.get(path)

        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert json.loads(response.content) == {"error": "Not found."}
        request_id = response["X-Request-ID"]
        assert f"[request_id={request_id} path={path}] Not Found: {path}" in stderr_log.getvalue()


def test_an_unknown_page_stays_the_readers_html_404(client, home, locales):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "We can't find that page" in response.text


def test_a_sane_request_id_from_the_proxy_is_kept(client, db):
    response = client.get("/api/v1/search/no-such-thing/", headers={"X-Request-ID": "lb-7f3a9c01"})
    assert response["X-Request-ID"] == "lb-7f3a9c01"


@pytest.mark.parametrize("given", ["short", "x" * 200, "id with spaces", "id\u2028forged"])
def test_an_unlikely_request_id_is_replaced(client, db, given):
    response = client.get("/api/v1/search/no-such-thing/", headers={"X-Request-ID": given})
    assert response["X-Request-ID"] != given
    assert len(response["X-Request-ID"]) == 32


def test_a_crafted_path_cannot_forge_a_log_line(failing_client, stderr_log, db):
    failing_client.get("/api/v1/search/fail/%0A2026-01-01 ERROR forged")
    assert "\n2026-01-01 ERROR forged" not in stderr_log.getvalue()
