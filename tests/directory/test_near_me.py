"""Near me on the directory: a ZIP code (or the browser's rounded position) sorts listings by
distance, shows how far each is, and is never kept by any cache or log.

Fictional listings at made-up addresses; the coordinates are near real ZIP centroids (98118 is
Columbia City, Seattle: 47.5412, -122.275 in the `zipcodes` package).
"""

import subprocess
import sys
import time
from pathlib import Path

from django.test import RequestFactory

import pytest
import requests
from bs4 import BeautifulSoup

from directory.factories import AreaFactory, GroupPageFactory
from directory.near import miles_between
from home.fragments import fragment_key
from tests.helpers import located

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def listings(directory):
    county = AreaFactory(slug="king-county", name="All of King County")
    seattle = AreaFactory(slug="seattle", name="Seattle", parent=county)
    snohomish = AreaFactory(slug="snohomish-county", name="Snohomish County")
    # Titles in the reverse of the distance order, so the usual (reachable, then title) order
    # and the near-me order differ.
    return {
        "far": GroupPageFactory(
            parent=directory, title="A Bellevue pantry", locations=located("47.6101", "-122.2015")
        ),
        "near": GroupPageFactory(
            parent=directory, title="B Columbia pantry", locations=located("47.5230", "-122.2700")
        ),
        "elsewhere": GroupPageFactory(
            parent=directory, title="C Everett circle", areas=[snohomish]
        ),
        "serving": GroupPageFactory(parent=directory, title="D Seattle circle", areas=[seattle]),
    }


def titles(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".card--listing .card__title")]


def distances(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        card.select_one(".card__title").get_text(strip=True): (
            card.select_one(".card__distance").get_text(strip=True)
            if card.select_one(".card__distance")
            else None
        )
        for card in soup.select(".card--listing")
    }


def test_a_zip_code_sorts_by_distance_then_by_area(client, directory, listings):
    usual = client.get(directory.url)
    near = client.get(directory.url + "?near=98118")

    assert titles(usual) == [
        "A Bellevue pantry",
        "B Columbia pantry",
        "C Everett circle",
        "D Seattle circle",
    ]
    # Located listings by distance; then, with no location, those serving Seattle (98118's
    # city, inside King County) before the rest.
    assert titles(near) == [
        "B Columbia pantry",
        "A Bellevue pantry",
        "D Seattle circle",
        "C Everett circle",
    ]
    near_miles = miles_between(47.5412, -122.275, 47.5230, -122.2700)
    far_miles = miles_between(47.5412, -122.275, 47.6101, -122.2015)
    assert distances(near) == {
        "B Columbia pantry": f"{near_miles:.1f} mi",
        "A Bellevue pantry": f"{far_miles:.1f} mi",
        "D Seattle circle": None,
        "C Everett circle": None,
    }
    assert distances(near)["B Columbia pantry"] == "1.3 mi"
    assert "Nearest first, from ZIP code 98118." in near.content.decode()
    summary = BeautifulSoup(near.content.decode(), "html.parser").select_one(
        ".filters-panel__summary"
    )
    assert "Near 98118" in summary.get_text()  # in sight while the filters are folded


def test_the_browsers_rounded_position_sorts_the_same_way(client, directory, listings):
    response = client.get(directory.url + "?near=47.54,-122.28")

    assert titles(response)[:2] == ["B Columbia pantry", "A Bellevue pantry"]
    assert "Nearest first, from your location." in response.content.decode()


@pytest.mark.parametrize(
    ("near", "message"),
    [
        ("10001", "10001 is not a King County ZIP code, so the results are in their usual order."),
        ("99999", "99999 is not a King County ZIP code, so the results are in their usual order."),
        ("seattle", "Enter a 5-digit ZIP code, such as 98118."),
        (
            "40.71,-74.01",
            "Your location seems to be outside King County, so the results are in their usual "
            "order.",
        ),
    ],
)
def test_a_place_outside_king_county_says_so_and_changes_nothing(
    client, directory, listings, near, message
):
    response = client.get(directory.url, {"near": near})

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one(".near-status--error").get_text(strip=True) == message
    assert titles(response) == titles(client.get(directory.url))
    assert set(distances(response).values()) == {None}


def test_the_form_works_without_javascript(client, directory, listings):
    """The ZIP field is part of the filter form (a GET form: submitting it is the request
    above); "Use my location" is a plain button the script reveals, hidden without it."""
    soup = BeautifulSoup(client.get(directory.url).content.decode(), "html.parser")
    form = soup.select_one("form.filters-form")

    assert form["method"] == "get"
    assert form.select_one("input[name=near]") is not None
    locate = form.select_one("[data-near-locate]")
    assert locate["type"] == "button" and locate.has_attr("hidden")


def test_the_pages_keep_the_place(client, directory, listings, settings):
    for n in range(25):
        GroupPageFactory(parent=directory, title=f"E filler {n:02}")

    html = client.get(directory.url + "?near=98118").content.decode()

    assert 'href="?near=98118&amp;page=2"' in html


def test_a_position_is_never_cached(client, directory, listings):
    usual = client.get(directory.url)
    near = client.get(directory.url + "?near=98118")

    assert "public" in usual["Cache-Control"]
    directives = {d.strip() for d in near["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives
    # Nor is it kept by the fragment cache (or the routed page with it).
    request = RequestFactory().get(directory.url, {"near": "98118"})
    assert fragment_key(request, "directory", []) is None
    assert fragment_key(RequestFactory().get(directory.url), "directory", []) is not None


def test_the_varnish_recipe_passes_requests_with_a_position():
    vcl = (REPO / "deploy" / "varnish" / "default.vcl").read_text()
    assert 'if (req.url ~ "[?&]near=") {\n        return (pass);' in vcl


WSGI_APP = """
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-Request-ID", "r-1")])
    return [b"ok"]
"""


def test_gunicorns_access_log_has_no_query_string(tmp_path):
    """A real gunicorn with the deploy recipe's configuration (its access log format), serving
    a stand-in app: the line names the path, never the ZIP code or the position."""
    (tmp_path / "standin.py").write_text(WSGI_APP)
    access = tmp_path / "access.log"
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            str(REPO / "deploy" / "gunicorn.conf.py"),
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            f"--access-logfile={access}",
            f"--chdir={tmp_path}",
            "standin:app",
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base)
        requests.get(base + "/en/directory/?near=98118&need=food", timeout=10)
        requests.get(base + "/en/search/?q=rent&near=47.54%2C-122.28", timeout=10)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = access.read_text().splitlines()

    assert any('"GET /en/directory/ HTTP/1.1" 200' in line for line in lines)
    assert any('"GET /en/search/ HTTP/1.1" 200' in line for line in lines)
    assert all("request_id=r-1" in line for line in lines)
    for secret in ("98118", "47.54", "near", "?"):
        assert not any(secret in line for line in lines), lines


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer {url}")
