"""HEAD works wherever GET does (link checkers, caches, uptime probes); read-only files refuse
the methods that would change or echo something (TRACE, POST, PUT, DELETE)."""

import pytest

READ_ONLY = [
    "/en/search/?q=food",
    "/es/search/?q=comida",
    "/api/v1/search/?q=food&locale=en",
    "/api/v1/search/autocomplete/?q=foo&locale=en",
    "/open-data/directory.json",
    "/open-data/directory.csv",
    "/open-data/api/listings/",
    "/en/open-data/",
    "/sitemap.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("url", READ_ONLY)
def test_head_answers_like_get_without_a_body(client, home, locales, url):
    get = client.get(url)
    head = client.head(url)
    assert (head.status_code, get.status_code) == (200, 200)
    assert head["Content-Type"] == get["Content-Type"]
    assert get.content and head.content == b""


@pytest.mark.parametrize("url", ["/sitemap.xml", "/robots.txt"])
@pytest.mark.parametrize("method", ["TRACE", "POST", "PUT", "PATCH", "DELETE"])
def test_files_refuse_unsafe_methods(client, home, url, method):
    response = client.generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert b"<urlset" not in response.content and b"User-agent" not in response.content
