"""HTTP on every public data view, as a browser script, a harvester or a cache sees it
(opendata/http.py): HEAD, OPTIONS and the CORS preflight, 405 in JSON, ETag and 304, gzip,
the site's cache policy, and Content-Language naming the locale served."""

import gzip
import io
import zipfile

from django.test import Client

import pytest

ORIGIN = "https://elsewhere.example"

# Every public data view of the portal that answers 200 with the catalogue below.
OPEN_DATA = [
    "/open-data/directory.json?locale=es",
    "/open-data/directory.csv?locale=es",
    "/open-data/api/listings/?locale=es",
    "/open-data/hsds.zip?locale=es",
    "/open-data/hsds/es/datapackage.json",
    "/open-data/hsds/es/services.csv",
    "/open-data/api/services?locale=es",
]
SEARCH_API = ["/api/v1/search/?q=pantry&locale=es", "/api/v1/search/autocomplete/?q=pan&locale=es"]
DATA_VIEWS = OPEN_DATA + SEARCH_API


@pytest.fixture
def served(catalogue, locales):
    return catalogue


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("url", DATA_VIEWS)
def test_head_answers_like_get_without_a_body(client, served, url):
    got = client.get(url)
    head = client.head(url)
    assert got.status_code == head.status_code == 200
    assert head["Content-Type"] == got["Content-Type"]
    assert head["ETag"] == got["ETag"]
    assert body(head) == b""


@pytest.mark.parametrize("url", DATA_VIEWS)
def test_options_and_the_cors_preflight_allow_reads_only(client, served, url):
    plain = client.options(url)
    assert plain.status_code == 200 and plain.content == b""
    assert plain["Allow"] == "GET, HEAD, OPTIONS"

    preflight = client.options(url, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in preflight


@pytest.mark.parametrize("url", DATA_VIEWS)
def test_any_site_may_read_the_data_and_its_validators(client, served, url):
    response = client.get(url, HTTP_ORIGIN=ORIGIN)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    exposed = response["Access-Control-Expose-Headers"]
    assert "ETag" in exposed and "Content-Language" in exposed


def test_pages_forms_and_the_admin_get_no_cors(client, served):
    for url in ("/en/", "/en/open-data/", "/en/search/?q=pantry", "/admin/login/"):
        response = client.get(url, HTTP_ORIGIN=ORIGIN)
        assert "Access-Control-Allow-Origin" not in response, url


@pytest.mark.parametrize("url", DATA_VIEWS)
def test_writes_are_refused_in_json(served, url):
    client = Client(enforce_csrf_checks=True)  # as a browser's POST: no CSRF page first
    for method in (client.post, client.put, client.delete):
        response = method(url)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert "is not allowed here" in response.json()["error"]


@pytest.mark.parametrize("url", DATA_VIEWS)
def test_a_repeat_request_gets_304(client, served, url):
    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and body(again) == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("url", OPEN_DATA)
def test_open_data_and_its_304_are_shared_by_the_site_policy(client, served, url):
    first = client.get(url)
    assert "public" in first["Cache-Control"] and "s-maxage=" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    # The 304 renews the cached copy: it must not tell the cache to drop it.
    assert again["Cache-Control"] == first["Cache-Control"]


@pytest.mark.parametrize("url", SEARCH_API)
def test_search_answers_stay_out_of_shared_caches(client, served, url):
    first = client.get(url)
    assert "no-store" in first["Cache-Control"] and "public" not in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and "public" not in again["Cache-Control"]


@pytest.mark.parametrize("url", [u for u in DATA_VIEWS if "hsds.zip" not in u])
def test_text_is_gzipped_for_clients_that_accept_it(client, served, url):
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    if len(body(plain)) < 200:
        assert "Content-Encoding" not in packed  # too short to be worth it (Django's rule)
        return
    assert "Accept-Encoding" in packed["Vary"]
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(body(packed)) == body(plain)
    assert len(body(packed)) < len(body(plain))


def test_the_zip_is_not_gzipped_again(client, served):
    response = client.get("/open-data/hsds.zip", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in response
    assert "services.csv" in zipfile.ZipFile(io.BytesIO(body(response))).namelist()


@pytest.mark.parametrize("url", DATA_VIEWS)
def test_content_language_names_the_locale_served_not_the_readers(client, served, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response["Content-Language"] == "es"


def test_without_a_locale_the_default_is_served_and_said(client, served):
    response = client.get("/open-data/directory.json", HTTP_ACCEPT_LANGUAGE="vi")
    assert response["Content-Language"] == "en"
    # The search API searches in the reader's language when none is asked for: it says so.
    searched = client.get("/api/v1/search/", {"q": "pantry"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert searched["Content-Language"] == "vi"


def test_an_error_is_in_the_readers_language_and_says_so(client, served):
    response = client.get("/open-data/directory.json?locale=xx", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert response["Content-Language"] == "es"
