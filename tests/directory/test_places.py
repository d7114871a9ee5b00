"""Places: areas that nest (a sub-area's filter also finds listings of the areas enclosing it,
labelled so) and a listing's locations on its page. Fictional listings and addresses."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from directory.facets import FACETS_BY_NAME, facet_counts
from directory.factories import AreaFactory, GroupPageFactory, HotlinePageFactory
from directory.models import ListingLocation, ListingPage
from search import service
from tests.helpers import translate


@pytest.fixture
def areas(db):
    county = AreaFactory(slug="king-county", name="All of King County")
    south = AreaFactory(slug="south-king-county", name="South King County", parent=county)
    seattle = AreaFactory(slug="seattle", name="Seattle", parent=county)
    return {"county": county, "south": south, "seattle": seattle}


@pytest.fixture
def listings(directory, areas):
    return {
        "hotline": HotlinePageFactory(
            parent=directory, title="County help line", slug="county-line", areas=[areas["county"]]
        ),
        "pantry": GroupPageFactory(
            parent=directory, title="Kent pantry", slug="kent-pantry", areas=[areas["south"]]
        ),
        "both": GroupPageFactory(
            parent=directory,
            title="Everywhere group",
            slug="everywhere",
            areas=[areas["south"], areas["county"]],
        ),
        "seattle": GroupPageFactory(
            parent=directory,
            title="Seattle kitchen",
            slug="seattle-kitchen",
            areas=[areas["seattle"]],
        ),
    }


def cards(html):
    """{card title: the card's "wider area" label, or None} in page order."""
    soup = BeautifulSoup(html, "html.parser")
    found = {}
    for card in soup.select(".card--listing, .result"):
        label = card.select_one(".card__wider-area")
        found[card.select_one("h2, h3").get_text(strip=True)] = (
            label.get_text(strip=True) if label else None
        )
    return found


def test_a_sub_area_also_lists_the_county_wide_listings_labelled_so(client, directory, listings):
    found = cards(client.get(directory.url + "?area=south-king-county").content.decode())

    assert found == {
        "County help line": "Serves a wider area: All of King County",
        "Everywhere group": None,  # it names South King County itself
        "Kent pantry": None,
    }


def test_the_area_route_and_the_print_view_nest_the_same_way(client, directory, listings):
    route = directory.url + directory.reverse_subpage("area", args=["south-king-county"])
    found = cards(client.get(route).content.decode())
    assert set(found) == {"County help line", "Everywhere group", "Kent pantry"}
    assert found["County help line"] == "Serves a wider area: All of King County"

    printed = directory.url + directory.reverse_subpage("print") + "?area=south-king-county"
    html = client.get(printed).content.decode()
    assert "County help line" in html and "Kent pantry" in html
    assert "Seattle kitchen" not in html


def test_the_enclosing_area_lists_only_its_own_listings(client, directory, listings):
    """ "All of King County" is what serves the whole county, not every listing inside it."""
    found = cards(client.get(directory.url + "?area=king-county").content.decode())
    assert set(found) == {"County help line", "Everywhere group"}
    assert set(found.values()) == {None}


def test_the_label_names_the_wider_area_in_the_readers_language(
    client, locales, home, directory, areas, listings
):
    translate(home, "es")
    translate(directory, "es")
    spanish_county = areas["county"].copy_for_translation(locales["es"])
    spanish_county.name = "Todo el condado de King"
    spanish_county.save()

    found = cards(client.get("/es/directory/?area=south-king-county").content.decode())

    assert "Todo el condado de King" in found["County help line"]
    assert found["Kent pantry"] is None


def test_the_open_data_api_and_search_nest_areas_too(client, listings):
    names = [
        s["name"]
        for s in client.get(reverse("opendata:listings") + "?area=south-king-county").json()[
            "contents"
        ]
    ]
    assert sorted(names) == ["County help line", "Everywhere group", "Kent pantry"]

    results = service.search(service.make_query("", filters={"area": "south-king-county"}))
    assert sorted(r["title"] for r in results.results) == sorted(names)


def test_search_results_carry_the_label_too(client, listings):
    html = client.get(reverse("search") + "?q=&area=south-king-county").content.decode()

    assert cards(html)["County help line"] == "Serves a wider area: All of King County"


def test_a_sub_areas_count_is_what_its_filter_returns(listings):
    """South King County counts its own two listings and the county-wide one (the hotline),
    each once; King County counts what names it; Seattle its own and the county-wide ones."""
    counts = facet_counts([listing.pk for listing in listings.values()])["area"]

    assert counts == {"south-king-county": 3, "king-county": 2, "seattle": 3}
    area = FACETS_BY_NAME["area"]
    for slug, n in counts.items():
        assert area.filter(ListingPage.objects.all(), slug).distinct().count() == n


def test_an_area_cannot_be_inside_itself(areas):
    areas["county"].parent = areas["south"]
    with pytest.raises(ValidationError):
        areas["county"].clean()


def test_a_changed_hierarchy_applies_at_once(client, directory, areas, listings):
    areas["south"].parent = None
    areas["south"].save()

    found = cards(client.get(directory.url + "?area=south-king-county").content.decode())

    assert set(found) == {"Everywhere group", "Kent pantry"}


# --- Locations on the listing page -----------------------------------------------------------
def test_a_listing_shows_its_locations_with_directions(client, directory):
    pantry = GroupPageFactory(
        parent=directory,
        title="Hall pantry",
        locations=[
            ListingLocation(
                name="Community hall",
                address_1="100 Example Street",
                city="Seattle",
                postal_code="98118",
                latitude=Decimal("47.523000"),
                longitude=Decimal("-122.270000"),
                accessibility="Step-free entrance on the side street.",
                transit="Bus 7 to Example Avenue.",
            ),
            ListingLocation(name="Pick-up table", address_1="200 Example Street", city="Kent"),
        ],
    )
    soup = BeautifulSoup(client.get(pantry.url).content.decode(), "html.parser")
    places = soup.select(".locations .location")

    assert [p.select_one(".location__name").get_text() for p in places] == [
        "Community hall",
        "Pick-up table",
    ]
    first, second = places
    assert (
        first.select_one(".location__address").get_text() == "100 Example Street, Seattle, WA 98118"
    )
    assert first.select_one(".location__directions")["href"] == (
        "https://www.openstreetmap.org/directions?to=47.523000%2C-122.270000"
    )
    assert "Step-free entrance" in first.select_one(".location__accessibility").get_text()
    assert "Bus 7 to Example Avenue." in first.select_one(".location__transit").get_text()
    # No coordinates: directions to the address, as text.
    assert second.select_one(".location__directions")["href"] == (
        "https://www.openstreetmap.org/directions?to=200%20Example%20Street%2C%20Kent%2C%20WA"
    )
    assert second.select_one(".location__accessibility") is None


def test_a_listing_without_locations_shows_no_such_section(client, directory):
    online = GroupPageFactory(parent=directory, title="Online circle")
    html = client.get(online.url).content.decode()

    assert 'class="locations"' not in html
    assert "Where to find them" not in html
