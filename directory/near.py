"""Near me: where a reader is (a ZIP code, or the browser's position), and how far listings are.

Nothing is sent to a third party: ZIP centroids come from the `zipcodes` package, offline.
The browser's position arrives already rounded to two decimals (about a kilometre, near.js)
and is rounded again here. The position is never stored or logged: a response to a `near`
request is `Cache-Control: private, no-store` (`keep_private`), the fragment cache never keeps
it (home/fragments.py), Varnish passes it (deploy/varnish/default.vcl), and the access logs of
gunicorn and nginx write the path without the query string (deploy/).

Distance: the great-circle (haversine) distance from the reader to each listing's nearest
location with coordinates, computed by the database with Django's math functions (they run
on SQLite and PostgreSQL alike) in one correlated subquery per listing row: the directory
and the database search backend sort every match by it, not just the page shown (the
cluster sorts by a `geo_point` of the same places, search/cluster/queries.py). Listings with
no location follow, those whose areas contain the reader's place first (`place_area_slugs`).
"""

import math
import re
from dataclasses import dataclass

from django.db.models import Exists, F, FloatField, OuterRef, Subquery, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

import zipcodes

NEAR_PARAMETER = "near"  # ?near=98118, or ?near=47.54,-122.27 from "Use my location"
EARTH_RADIUS_MILES = 3958.8
COUNTY, STATE = "King County", "WA"
# A browser position farther than this from every King County ZIP centroid is outside it.
FARTHEST_MILES = 12
ZIP_RE = re.compile(r"^(\d{5})(-\d{4})?$")
POSITION_RE = re.compile(r"^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$")

# The demo's sub-county areas by the city a ZIP code's post office is in (USPS city names, as
# `zipcodes` gives them). A ZIP's place also matches an area whose slug is its city's
# (`kent`) or county's (`king-county`), and every area enclosing those.
REGION_OF_CITY = {
    "seattle": "seattle",
    **dict.fromkeys(
        [
            "auburn", "black-diamond", "burton", "enumclaw", "federal-way", "hobart", "kent",
            "maple-valley", "pacific", "ravensdale", "redondo", "renton", "seahurst", "vashon",
        ],
        "south-king-county",
    ),
    **dict.fromkeys(
        [
            "baring", "bellevue", "bothell", "carnation", "duvall", "fall-city", "issaquah",
            "kenmore", "kirkland", "medina", "mercer-island", "north-bend", "preston",
            "redmond", "sammamish", "skykomish", "snoqualmie", "woodinville",
        ],
        "eastside",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Place:
    """Where a reader said they are: a ZIP code's centroid, or their rounded position."""

    latitude: float
    longitude: float
    city: str  # the ZIP's (or the nearest ZIP's) city, e.g. "Seattle"
    zip_code: str = ""  # empty for a browser position

    @property
    def area_slugs(self):
        return place_area_slugs(self.city)


class NotNearby(ValueError):
    """A `near` value that gives no place in King County; its message is for the reader."""


def read_place(params):
    """(Place or None, message or None) from a request's query parameters."""
    text = (params.get(NEAR_PARAMETER) or "").strip()
    if not text:
        return None, None
    try:
        return parse(text), None
    except NotNearby as error:
        return None, str(error)


def parse(text):
    zip_match = ZIP_RE.match(text)
    if zip_match:
        return place_of_zip(zip_match.group(1))
    position = POSITION_RE.match(text)
    if position:
        return place_of_position(float(position.group(1)), float(position.group(2)))
    raise NotNearby(_("Enter a 5-digit ZIP code, such as 98118."))


def place_of_zip(code):
    found = [z for z in zipcodes.matching(code) if z["county"] == COUNTY and z["state"] == STATE]
    if not found:
        raise NotNearby(
            _("%(zip)s is not a King County ZIP code, so the results are in their usual order.")
            % {"zip": code}
        )
    z = found[0]
    return Place(float(z["lat"]), float(z["long"]), z["city"], zip_code=code)


def place_of_position(latitude, longitude):
    latitude, longitude = round(latitude, 2), round(longitude, 2)
    nearest = min(
        king_county_zips(), key=lambda z: miles_between(latitude, longitude, z["lat"], z["long"])
    )
    if miles_between(latitude, longitude, nearest["lat"], nearest["long"]) > FARTHEST_MILES:
        raise NotNearby(
            _(
                "Your location seems to be outside King County, so the results are in their "
                "usual order."
            )
        )
    return Place(latitude, longitude, nearest["city"])


def king_county_zips():
    return [
        {"lat": float(z["lat"]), "long": float(z["long"]), "city": z["city"]}
        for z in zipcodes.filter_by(county=COUNTY, state=STATE)
        if z["lat"] and z["long"]
    ]


def place_area_slugs(city):
    """The area slugs whose areas contain a place in `city`: its city's slug, its region's
    (REGION_OF_CITY), the county's, and every area enclosing one of them (directory/facets.py)."""
    from .facets import area_tree

    city_slug = slugify(city)
    slugs = {city_slug, REGION_OF_CITY.get(city_slug, city_slug), slugify(COUNTY)}
    ancestors = area_tree()["ancestors"]
    for slug in list(slugs):
        slugs.update(ancestors.get(slug, []))
    return sorted(slugs)


def miles_between(lat1, lon1, lat2, lon2):
    """Great-circle distance in Python, for the few ZIP centroids (`place_of_position`)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = math.sin((lat2 - lat1) / 2) ** 2
    a += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(a))


def miles_from(place, latitude="latitude", longitude="longitude"):
    """The same distance as a database expression, from `place` to the row's coordinates."""
    lat = Radians(Cast(latitude, FloatField()))
    lon = Radians(Cast(longitude, FloatField()))
    here_lat = math.radians(place.latitude)
    here_lon = Value(math.radians(place.longitude), output_field=FloatField())
    half_dlat = (lat - Value(here_lat, output_field=FloatField())) / 2.0
    half_dlon = (lon - here_lon) / 2.0
    a = Power(Sin(half_dlat), 2) + Value(math.cos(here_lat)) * Cos(lat) * Power(Sin(half_dlon), 2)
    return Value(2 * EARTH_RADIUS_MILES) * ASin(Sqrt(a))


def nearest_location_miles(place):
    """A listing row's distance to its nearest location with coordinates (NULL: none)."""
    from .models.locations import ListingLocation

    located = ListingLocation.objects.filter(
        page=OuterRef("pk"), latitude__isnull=False, longitude__isnull=False
    )
    miles = located.annotate(miles=miles_from(place)).order_by("miles").values("miles")[:1]
    return Subquery(miles, output_field=FloatField())


def serves_place(place):
    """Whether a listing row's areas contain the reader's place."""
    from .models.listings import ListingPage

    through = ListingPage.areas.through
    return Exists(
        through.objects.filter(listingpage=OuterRef("pk"), area__slug__in=place.area_slugs)
    )


def nearest_first(listings, place):
    """`listings` sorted by distance from `place` (the nearest location of each), then the
    ones with no location, those serving the place's areas first; each keeps its order
    before that within ties. Each listing gets `distance` (miles, or None)."""
    listings = listings.annotate(
        distance=nearest_location_miles(place), in_place=serves_place(place)
    )
    earlier = list(listings.query.order_by)
    return listings.order_by(F("distance").asc(nulls_last=True), F("in_place").desc(), *earlier)


def keep_private(response):
    """Mark a response to a position: only this reader's browser, and not even it, keeps it."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def asks_position(request):
    """Whether a request carries a reader's position (kept out of every cache)."""
    return bool(request.GET.get(NEAR_PARAMETER))


def distances(page_ids, place):
    """{page id: (miles or None, serves the place's areas)} for the listings among `page_ids`,
    in one query (search results; other pages are simply absent)."""
    from .models.listings import ListingPage

    rows = (
        ListingPage.objects.filter(pk__in=list(page_ids))
        .annotate(distance=nearest_location_miles(place), in_place=serves_place(place))
        .values_list("pk", "distance", "in_place")
    )
    return {pk: (miles, in_place) for pk, miles, in_place in rows}


def nearest_ids_first(page_ids, place, found=None, group_of=None):
    """`page_ids` in the near-me order (`nearest_first`): by distance, then those serving the
    place's areas, then the rest (articles...), each group in its given order. `group_of`
    (page id -> a sortable key) keeps search's ranking groups first: within each, nearest
    first."""
    found = distances(page_ids, place) if found is None else found

    def key(numbered):
        number, page_id = numbered
        miles, in_place = found.get(page_id, (None, False))
        group = group_of(page_id) if group_of else ()
        return (group, miles is None, miles or 0.0, not in_place, number)

    return [page_id for _n, page_id in sorted(enumerate(page_ids), key=key)]


def nearest_matches_first(ranked, place, group_of=None):
    """Search's ranked (page id, language) pairs in the near-me order (`nearest_ids_first`)."""
    language_of = dict(ranked)
    order = nearest_ids_first(list(language_of), place, group_of=group_of)
    return [(pk, language_of[pk]) for pk in order]
