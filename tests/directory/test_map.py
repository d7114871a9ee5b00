"""The results map (directory/map.py): after the list on the directory and search pages, a
marker for each located place of the listings shown, in the reader's language, linking to the
listing; nothing at all when none is located; tiles from the configured server alone."""

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory
from directory.factories import GroupPageFactory, HotlinePageFactory
from directory.models import ListingLocation
from tests.helpers import translate

REPO = Path(__file__).resolve().parents[2]
LOCATION_TABLE = ListingLocation._meta.db_table


def place(name, latitude=None, longitude=None, **address):
    """A location; coordinates of real public places in Seattle, names made up."""
    return ListingLocation(
        name=name,
        latitude=None if latitude is None else Decimal(latitude),
        longitude=None if longitude is None else Decimal(longitude),
        **address,
    )


@pytest.fixture
def listings(locales, home, directory):
    located = GroupPageFactory(
        parent=directory,
        title="Rainier pantry",
        slug="rainier-pantry",
        summary="Groceries every Saturday.",
        locations=[
            place(
                "Community hall",
                "47.523000",
                "-122.270000",
                address_1="100 Example Way S",
                city="Seattle",
                postal_code="98118",
            ),
            place("Library pick-up point", "47.606700", "-122.332500", city="Seattle"),
        ],
    )
    unsure = GroupPageFactory(
        parent=directory,
        title="Beacon Hill meals",
        slug="beacon-hill-meals",
        summary="Hot meals.",
        locations=[place("Church basement", address_1="1 Example St", city="Seattle")],
    )
    online = HotlinePageFactory(parent=directory, title="Pantry help line", slug="help-line")
    return {"located": located, "unsure": unsure, "online": online}


def page(client, url):
    return BeautifulSoup(client.get(url).content.decode(), "html.parser")


def markers(html):
    data = html.find("script", id="results-map-markers")
    return None if data is None else json.loads(data.string)


def card_links(html):
    return {a.get_text(strip=True): a["href"] for a in html.select(".card__title a")}


def test_markers_only_for_places_with_coordinates_linking_to_the_listing(client, listings):
    html = page(client, "/en/directory/")

    found = markers(html)
    assert found == [
        {
            "title": "Rainier pantry",
            "url": card_links(html)["Rainier pantry"],
            "language": "",
            "place": "Community hall",
            "address": "100 Example Way S, Seattle, WA 98118",
            "lat": 47.523,
            "lon": -122.27,
        },
        {
            "title": "Rainier pantry",
            "url": card_links(html)["Rainier pantry"],
            "language": "",
            "place": "Library pick-up point",
            "address": "Seattle, WA",
            "lat": 47.6067,
            "lon": -122.3325,
        },
    ]
    assert found[0]["url"] == "/en/directory/rainier-pantry/"
    # The list stays whole and first: every listing has its card, the map comes after them.
    assert set(card_links(html)) == {"Rainier pantry", "Beacon Hill meals", "Pantry help line"}
    details = html.find("details", class_="results-map")
    assert details.has_attr("hidden")  # shown by results-map.js only: nothing without it
    assert details.find_previous("ul", class_="card-list") is not None
    summary = details.find("summary").get_text(strip=True)
    assert summary == "2 places on a map"
    assert details.find(attrs={"role": "region"})["aria-label"]
    assert details["data-tiles-url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap" in details["data-attribution"]
    assert html.find("script", src="/static/directory/js/results-map.js") is not None


def test_nothing_of_the_map_when_no_listing_shown_is_located(client, listings):
    html = page(client, "/en/directory/?kind=hotline")

    assert "Pantry help line" in card_links(html)
    assert markers(html) is None
    assert html.find(class_="results-map") is None
    assert html.find("script", src="/static/directory/js/results-map.js") is None
    assert "leaflet" not in str(html)


def test_markers_in_the_readers_language(client, listings, home, directory):
    translate(home, "es")
    translate(directory, "es")
    spanish = translate(listings["located"], "es", title="Despensa Rainier", slug="despensa")
    spanish_places = {p.name: p for p in spanish.locations.all()}
    spanish_places["Community hall"].name = "Salón comunitario"
    spanish_places["Community hall"].save()

    found = markers(page(client, "/es/directory/"))

    assert [(m["title"], m["place"], m["language"]) for m in found] == [
        ("Despensa Rainier", "Salón comunitario", ""),
        ("Despensa Rainier", "Library pick-up point", ""),
    ]
    assert {m["url"] for m in found} == {"/es/directory/despensa/"}


def test_an_untranslated_listing_is_marked_in_its_own_language(client, listings, home, directory):
    translate(home, "es")
    translate(directory, "es")

    found = markers(page(client, "/es/directory/"))

    assert {(m["title"], m["language"], m["url"]) for m in found} == {
        ("Rainier pantry", "en", "/es/directory/rainier-pantry/")  # the fallback, under /es/
    }


def test_search_results_map_their_located_listings(client, listings, articles_index):
    ArticlePageFactory(parent=articles_index, title="Pantry history", slug="pantry-history")

    html = page(client, "/en/search/?q=pantry")

    titles = [h2.get_text(strip=True) for h2 in html.select(".result h2")]
    assert "Rainier pantry" in titles and "Pantry history" in titles
    found = markers(html)
    assert {(m["title"], m["url"]) for m in found} == {
        ("Rainier pantry", "/en/directory/rainier-pantry/")
    }
    assert len(found) == 2
    assert html.find("details", class_="results-map").find_previous("ol", class_="results")


def test_no_map_and_no_query_for_it_when_no_result_is_a_located_listing(
    client, listings, articles_index
):
    ArticlePageFactory(parent=articles_index, title="Mutual aid history", slug="history")

    with CaptureQueriesContext(connection) as queries:
        html = page(client, "/en/search/?q=history")

    assert "Mutual aid history" in [h2.get_text(strip=True) for h2 in html.select(".result h2")]
    assert html.find(class_="results-map") is None
    assert not [q for q in queries if LOCATION_TABLE in q["sql"]]


def test_a_kept_directory_page_asks_nothing_for_its_map(client, listings):
    with CaptureQueriesContext(connection) as first_read:
        first = client.get("/en/directory/").content.decode()
    with CaptureQueriesContext(connection) as second_read:
        again = client.get("/en/directory/").content.decode()

    # One query for every marker of the page, then none: the map is kept with the page.
    assert len([q for q in first_read if LOCATION_TABLE in q["sql"]]) == 1
    assert not [q for q in second_read if LOCATION_TABLE in q["sql"]]
    assert again == first
    assert markers(BeautifulSoup(again, "html.parser"))


def test_a_kept_page_with_a_map_costs_no_more_queries_than_one_without(client, listings):
    """The kept directory page reads in as many queries with located listings as without."""
    client.get("/en/directory/")
    with CaptureQueriesContext(connection) as with_map:
        client.get("/en/directory/")
    ListingLocation.objects.all().delete()  # an edit: the kept renderings are dropped
    listings["located"].save_revision().publish()
    html = page(client, "/en/directory/")
    assert markers(html) is None
    with CaptureQueriesContext(connection) as without_map:
        client.get("/en/directory/")

    assert len(with_map) == len(without_map)


def test_images_may_come_from_the_tile_server_alone(client, listings):
    response = client.get("/en/directory/")
    policy = {
        name: values
        for name, *values in (
            part.split() for part in response["Content-Security-Policy"].split(";") if part
        )
    }

    assert policy["img-src"] == ["'self'", "https://tile.openstreetmap.org"]
    assert policy["connect-src"] == ["'self'"] and policy["script-src"] == ["'self'"]


def settings_value(name, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env}
    code = f"from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result


def test_another_tile_server_is_the_one_host_allowed():
    result = settings_value(
        "CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']",
        MAP_TILES_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[\"'self'\", 'https://*.tiles.example.org']"


def test_a_tile_url_without_a_scheme_and_host_is_refused():
    result = settings_value("MAP_TILES_URL", MAP_TILES_URL="tiles/{z}/{x}/{y}.png")
    assert result.returncode != 0
    assert "MAP_TILES_URL" in result.stderr
