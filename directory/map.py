"""The results map: where the listings a page already shows can be visited.

The list of results stays the reader's primary view; the map adds, after it, a marker for
each location with coordinates of the listings on that page of results, each linking to its
listing. The markers are read in one query from the listings already shown (their titles and
URLs are the cards' own), and only when the map is rendered: a directory page kept by
`{% fragment %}` keeps its map with it and asks nothing.

Tiles come from the server `LEAFLET_CONFIG["TILES"]` names (settings: `MAP_TILES_URL`,
`MAP_ATTRIBUTION`); the page's Content-Security-Policy lets images come from that host alone.
"""

from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static

from wagtail.models import Locale

from directory.models import ListingLocation
from directory.models.listings import ListingKind
from home.querysets import reader_translation


@dataclass(frozen=True)
class Shown:
    """A listing as a page of results shows it: its page id, title, link and, when it is
    not in the reader's language, the language its title is written in."""

    page_id: int
    title: str
    url: str
    language: str = ""


def tile_layer():
    """(URL template, options) of the map's background, from django-leaflet's setting."""
    _name, url, options = settings.LEAFLET_CONFIG["TILES"][0]
    return url, options


def markers(shown):
    """A marker per located place of the `shown` listings, in their order: one query, none
    when nothing is shown."""
    by_page = {listing.page_id: listing for listing in shown}
    if not by_page:
        return []
    places = (
        ListingLocation.objects.filter(
            page_id__in=by_page, latitude__isnull=False, longitude__isnull=False
        )
        .only(
            "page_id",
            "name",
            "address_1",
            "address_2",
            "city",
            "state_province",
            "postal_code",
            "latitude",
            "longitude",
        )
        .order_by("sort_order", "pk")
    )
    order = {page_id: index for index, page_id in enumerate(by_page)}
    found = []
    for place in sorted(places, key=lambda place: order[place.page_id]):
        listing = by_page[place.page_id]
        found.append(
            {
                "title": listing.title,
                "url": listing.url,
                "language": listing.language,
                "place": place.name,
                "address": place.one_line_address,
                "lat": float(place.latitude),
                "lon": float(place.longitude),
            }
        )
    return found


def shown_listings(listings, url_for):
    """`Shown` for the directory's cards: each listing in the reader's language where it is
    translated (as the card links it), with `url_for(listing)` its link."""
    active = Locale.get_active()
    shown = []
    for listing in listings:
        page = reader_translation(listing, active) or listing
        language = page.locale.language_code
        shown.append(
            Shown(
                page_id=page.pk,
                title=page.title,
                url=url_for(listing),
                language="" if language == active.language_code else language,
            )
        )
    return shown


def shown_results(results):
    """`Shown` for the listings among search results (dicts of the search service's shape)."""
    return [
        Shown(
            page_id=result["id"],
            title=result["title"],
            url=result["url"],
            language=result["language"] if result.get("fallback") else "",
        )
        for result in results
        if result.get("kind") in ListingKind.values
    ]


def map_context(shown):
    """What `directory/includes/results_map.html` needs: the markers (none: no map at all),
    the tile layer, and Leaflet's files, which only a page with a map loads."""
    found = markers(shown)
    if not found:
        return {"markers": []}
    tiles_url, options = tile_layer()
    return {
        "markers": found,
        "tiles_url": tiles_url,
        "attribution": options.get("attribution", ""),
        "leaflet_js": static("leaflet/leaflet.js"),
        "leaflet_css": static("leaflet/leaflet.css"),
        "marker_icon": static("leaflet/images/marker-icon.png"),
        "marker_icon_2x": static("leaflet/images/marker-icon-2x.png"),
        "marker_shadow": static("leaflet/images/marker-shadow.png"),
    }
