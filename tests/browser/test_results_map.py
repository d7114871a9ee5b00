"""The results map in Chromium: with JavaScript, markers for the located listings after the
list, each linking to its listing, tiles from the configured server only and no CSP
violation; on a phone it stays folded (Leaflet not even loaded) until asked for; without
JavaScript the page lists every listing and shows nothing of the map."""

import base64
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from directory.factories import GroupPageFactory, NeedFactory
from directory.models import DirectoryIndexPage, ListingLocation

from .chromium import DESKTOP, PHONE, open_tab
from .conftest import TIMEOUT_MS
from .pages import axe_violations
from .test_csp import RECORD_VIOLATIONS
from .test_phone_layout import shoot

URL = "/en/directory/needs/map-test-need/"
# A 1×1 transparent PNG answers every tile request: the test never reaches the real server.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture
def located_listings(demo_site):
    """Three fictional listings under the demo's directory, two of them at real public
    places in Seattle, all under one need of their own."""
    need = NeedFactory(slug="map-test-need", name="Map test need")
    directory = DirectoryIndexPage.objects.get(locale__language_code="en")
    places = {
        "Alder pantry": ("Alder hall", "47.523000", "-122.270000"),
        "Birch kitchen": ("Birch room", "47.606700", "-122.332500"),
        "Cedar phone tree": None,  # reached by phone only: in the list, not on the map
    }
    for title, located in places.items():
        locations = []
        if located:
            name, latitude, longitude = located
            locations = [
                ListingLocation(name=name, latitude=Decimal(latitude), longitude=Decimal(longitude))
            ]
        GroupPageFactory(
            parent=directory,
            title=title,
            slug=title.lower().replace(" ", "-"),
            needs=[need],
            phone="206 555 0142",
            locations=locations,
        )
    return places


def serve_blank_tiles(tab, requested):
    def answer(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=TILE)

    tab.route(re.compile(r"^https://tile\.openstreetmap\.org/"), answer)


def test_markers_link_to_their_listings_after_the_list(
    located_listings, axe, chromium, live_server
):
    context, tab = open_tab(chromium, live_server.url, DESKTOP, TIMEOUT_MS)
    tab.add_init_script(RECORD_VIOLATIONS)
    tiles = []
    serve_blank_tiles(tab, tiles)
    tab.goto(URL)

    box = tab.locator("details.results-map")
    expect(box).to_have_attribute("data-state", "ready")  # wide screens open it at once
    expect(tab.get_by_role("region", name=re.compile("Map of the places"))).to_be_visible()
    markers = tab.locator(".leaflet-marker-icon")
    expect(markers).to_have_count(2)
    expect(tab.get_by_role("button", name="Alder pantry")).to_be_visible()
    box.scroll_into_view_if_needed()
    shoot(tab, "desktop-results-map")
    assert not axe_violations(tab, axe)  # the open map too: named region, named markers
    # The list comes first, whole.
    assert tab.locator(".card__title").all_inner_texts() == list(located_listings)
    list_bottom = tab.locator(".card-list").bounding_box()
    assert box.bounding_box()["y"] >= list_bottom["y"] + list_bottom["height"]

    tab.get_by_role("button", name="Birch kitchen").click()
    link = tab.locator(".leaflet-popup-content a")
    expect(link).to_have_text("Birch kitchen")
    expect(tab.locator(".leaflet-popup-content")).to_contain_text("Birch room")
    # Leaflet's own controls are named in the page's words ("Close", not "Close popup").
    expect(tab.locator(".leaflet-popup-close-button")).to_have_attribute("aria-label", "Close")
    expect(tab.get_by_role("button", name="Zoom in")).to_be_visible()
    link.click()
    tab.wait_for_url(re.compile(r"/en/directory/birch-kitchen/$"))

    assert tiles, "no tile was asked for"
    assert not tab.evaluate("window.__cspViolations")
    context.close()


def test_on_a_phone_the_map_waits_folded_under_the_list(located_listings, chromium, live_server):
    context, tab = open_tab(chromium, live_server.url, PHONE, TIMEOUT_MS)
    serve_blank_tiles(tab, [])
    tab.goto(URL)

    expect(tab.locator(".card-list .card__title").first).to_be_in_viewport(ratio=1)
    summary = tab.get_by_text("2 places on a map")
    expect(summary).to_be_attached()
    expect(tab.locator(".results-map__canvas")).to_be_hidden()
    assert tab.evaluate("typeof window.L") == "undefined"  # Leaflet loads only when opened

    summary.click()
    expect(tab.locator(".leaflet-marker-icon")).to_have_count(2)
    tab.locator("details.results-map").scroll_into_view_if_needed()
    shoot(tab, "phone-results-map")
    context.close()


def test_without_javascript_every_listing_and_no_map(located_listings, chromium, live_server):
    context, tab = open_tab(
        chromium, live_server.url, {**PHONE, "java_script_enabled": False}, TIMEOUT_MS
    )
    asked = []
    tab.on("request", lambda request: asked.append(request.url))
    tab.goto(URL)

    assert tab.locator(".card__title").all_inner_texts() == list(located_listings)
    expect(tab.locator("details.results-map")).to_be_hidden()
    expect(tab.get_by_text("2 places on a map")).to_be_hidden()
    assert not [url for url in asked if "leaflet" in url or "openstreetmap" in url]
    context.close()
