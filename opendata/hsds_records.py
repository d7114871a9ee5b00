"""HSDS 3.0 organizations, locations and services at locations, for the services hsds.py makes.

Every service has an organization. A listing that names one is provided by it; one that names
none (a group is its own organization, and so is a fund or project run by the people behind
the listing) is its own: an organization made from the listing's name, summary, website and
e-mail, with an id derived from the service's.

A listing's places (ListingLocation) are HSDS `location`s, each with its physical `address`
and `accessibility`, linked to the service by a `service_at_location`. A place's id comes
from its address and coordinates (the same in every language), so it survives reordering.
"""

from django.utils import translation

from directory.models import ListingPage
from directory.models.contacts import json_list

from .ids import organization_id, own_organization_id, service_id, stable_id
from .links import page_url

COUNTRY = "US"  # ISO 3166-1: every place the portal lists is in Washington State


def compact(data):
    """Drop keys whose value is empty: HSDS types are strict (no nulls), blanks add noise."""
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


# --- Organizations ------------------------------------------------------------------------
def listing_organization_id(listing, sid=None):
    """The id of the organization providing `listing`: its organization's, else its own."""
    if listing.organization_id:
        return organization_id(listing.organization)
    return own_organization_id(sid or service_id(listing))


def organization_of(listing, sid, request=None):
    """The organization nested in a service (listings from `queries.listings_in`, whose
    organization's name and description come in the export's language)."""
    if listing.organization_id:
        org = listing.organization
        data = compact(
            {
                "id": organization_id(org),
                "name": listing.organization_local_name,
                "website": org.website,
            }
        )
        # Required by HSDS, even when empty.
        data["description"] = listing.organization_local_description or ""
        return data
    return own_organization(listing, sid, request)


def own_organization(listing, sid=None, request=None):
    sid = sid or service_id(listing)
    data = compact(
        {
            "id": own_organization_id(sid),
            "name": listing.title,
            "email": listing.email,
            "website": listing.website or page_url(listing, request),
        }
    )
    data["description"] = listing.summary or ""
    return data


def organization_record(org):
    """An Organization (from `queries.organizations_in`) as HSDS."""
    data = compact(
        {
            "id": organization_id(org),
            "name": getattr(org, "local_name", None) or org.name,
            "website": org.website,
        }
    )
    data["description"] = getattr(org, "local_description", None) or org.description or ""
    return data


def organizations(records, request=None, language=None):
    """HSDS organizations for `records` (`queries.organization_records`): Organization
    snippets and listings that are their own organization."""
    with translation.override(language or translation.get_language()):
        return [
            own_organization(record, request=request)
            if isinstance(record, ListingPage)
            else organization_record(record)
            for record in records
        ]


# --- Locations ----------------------------------------------------------------------------
def place_key(place):
    """What identifies a place in every language: its address and coordinates."""
    parts = [
        place["address_1"],
        place["address_2"],
        place["city"],
        place["postal_code"],
        place["latitude"],
        place["longitude"],
    ]
    if not any(part not in ("", None) for part in parts):
        return f"position {place['sort'] or 0}"  # a place known by name only
    return "|".join("" if part is None else str(part) for part in parts)


def coordinate(value):
    return None if value in ("", None) else float(value)


def address(place, location_id):
    if not (place["address_1"] and place["city"]):
        return []  # HSDS requires a street and a city; a partial address stays out
    data = compact(
        {
            "id": stable_id("address", location_id),
            "location_id": location_id,
            "address_1": place["address_1"],
            "address_2": place["address_2"],
            "city": place["city"],
            "state_province": place["state_province"],
            "postal_code": place["postal_code"],
            "country": COUNTRY,
            "address_type": "physical",
        }
    )
    for required in ("state_province", "postal_code"):
        data.setdefault(required, "")
    return [data]


def location(place, sid, org_id):
    location_id = stable_id("location", sid, place_key(place))
    accessibility = place["accessibility"]
    return compact(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": org_id,
            "name": place["name"],
            "transportation": place["transit"],
            "latitude": coordinate(place["latitude"]),
            "longitude": coordinate(place["longitude"]),
            "addresses": address(place, location_id),
            "accessibility": [
                {
                    "id": stable_id("accessibility", location_id),
                    "location_id": location_id,
                    "description": accessibility,
                }
            ]
            if accessibility
            else [],
        }
    )


def places(listing):
    return sorted(json_list(listing.export_locations), key=lambda place: place["sort"] or 0)


def listing_service_at_locations(listing, sid, request=None):
    """The listing's places, each a service_at_location with its location nested."""
    org_id = listing_organization_id(listing, sid)
    entries = []
    for place in places(listing):
        place_data = location(place, sid, org_id)
        entries.append(
            {
                "id": stable_id("service_at_location", sid, place_data["id"]),
                "service_id": sid,
                "location_id": place_data["id"],
                "location": place_data,
            }
        )
    return entries


def service_at_locations(listings, request=None, language=None):
    """Every service_at_location of `listings` (from `queries.listings_in`), in order."""
    with translation.override(language or translation.get_language()):
        return [
            entry
            for listing in listings
            for entry in listing_service_at_locations(listing, service_id(listing), request)
        ]
