"""Which listings an HSDS list path answers with, from its cleaned parameters.

The database narrows what it can: the reader's visibility rule and language (`listings_in`),
`modified_after`, full-text `search` (the portal's search service, on the reader's backend,
the database answering when the cluster is down), and a postcode's service areas. Filters on
HSDS ids (`taxonomy_term_id`, `taxonomy_id`, `organization_id`) are checked on the services
`opendata.hsds` builds, so they match exactly the ids a client read from this API, whichever
way those ids are made (stored, or derived for rows written in bulk).
"""

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When

from wagtail.models import Page

from directory import near
from directory.models import ListingLocation, ListingPage
from search import service as search_service
from search.database import MAX_MATCHES
from search.text import words

from .. import hsds
from ..hsds_taxonomy import (
    TAXONOMY_ACCESSIBILITY,
    TAXONOMY_COSTS,
    TAXONOMY_DOCUMENTS,
    TAXONOMY_KINDS,
    TAXONOMY_NEEDS,
)
from ..queries import chunks, listings_in

RECORD_FILTERS = ("taxonomy_term_id", "taxonomy_id", "organization_id")
METERS_PER_MILE = 1609.344
# The listing field each of our taxonomies' term codes is a value of (opendata/hsds_taxonomy.py).
TERM_FIELDS = {
    TAXONOMY_NEEDS: "needs__slug",
    TAXONOMY_KINDS: "kind",
    TAXONOMY_COSTS: "cost",
    TAXONOMY_DOCUMENTS: "documents",
}
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def listings(params):
    """The listings `params` select that the database can select, in the API's order (by
    relevance for a search, else by name)."""
    locale = params["locale"]
    moment = params.get("modified_after")
    if moment is not None:
        # Within years any record can have been changed in, so a far date cannot overflow
        # when the database converts it to UTC; the answer is the same.
        moment = min(max(moment, EARLIEST), LATEST)
        # HSDS: "modified on or after"; `listings_in` keeps those changed strictly after, and
        # Django's times have microsecond precision, so one microsecond earlier is "on or after".
        moment -= timedelta(microseconds=1)
    chosen = listings_in(locale, modified_after=moment)
    if params.get("search"):
        chosen = searched(chosen, params["search"], locale.language_code)
    return chosen


def searched(chosen, text, language):
    """`chosen` narrowed to what the portal's search finds for `text`, most relevant first.

    The search service answers with pages in the reader's language or, untranslated, in the
    default one; a service is a translation set, so a hit on any translation selects the
    listing in `chosen`. At most the search's MAX_MATCHES results, as on the search page."""
    text = text.replace("\x00", "")  # no word holds one, and PostgreSQL's text cannot
    if not words(text):
        return chosen.none()  # only punctuation: nothing to search for, as on the search page
    query = dataclasses.replace(
        search_service.make_query(text, language=language), per_page=MAX_MATCHES
    )
    found = search_service.run(lambda backend: backend.search(query))
    hit_ids = [hit.page_id for hit in found.hits]
    keys = dict(Page.objects.filter(pk__in=hit_ids).values_list("pk", "translation_key"))
    ranked = list(dict.fromkeys(keys[pk] for pk in hit_ids if pk in keys))
    if not ranked:
        return chosen.none()
    rank = Case(
        *[When(translation_key=key, then=Value(i)) for i, key in enumerate(ranked)],
        output_field=IntegerField(),
    )
    return chosen.filter(translation_key__in=ranked).order_by(rank, "pk")


def with_locations(chosen):
    return chosen.filter(Exists(ListingLocation.objects.filter(page=OuterRef("pk"))))


def postcode_place(postcode):
    """The place of a King County ZIP code (its centre, its city's areas), else None."""
    try:
        return near.place_of_zip(postcode)
    except near.NotNearby:
        return None


def serving(chosen, place):
    """Listings whose service areas contain `place` (the directory's own rule for near me)."""
    return chosen.filter(near.serves_place(place))


def needs_records(params):
    return any(params.get(name) for name in RECORD_FILTERS)


def record_filter(params, language):
    """A test on a built HSDS service for the id filters in `params`."""
    term_id = params.get("taxonomy_term_id")
    org_id = params.get("organization_id")
    taxonomy_id = params.get("taxonomy_id")
    taxonomy_terms = (
        {term["id"] for term in hsds.taxonomy_terms(language, taxonomy_id=taxonomy_id)}
        if taxonomy_id
        else None
    )

    def keep(service):
        attributes = service.get("attributes", [])
        term_ids = {attribute.get("taxonomy_term_id") for attribute in attributes}
        if term_id and term_id not in term_ids:
            return False
        if taxonomy_terms is not None and not term_ids & taxonomy_terms:
            return False
        return not org_id or service.get("organization_id") == org_id

    return keep


def term_rows(terms):
    """A filter on listing rows holding any of `terms` (our taxonomies' term dicts): what the
    services built from them would say, so only those are built."""
    rows = Q(pk__in=[])
    for term in terms:
        field = TERM_FIELDS.get(term["taxonomy"])
        if field is not None:
            rows |= Q(**{field: term["code"]})
        elif term["taxonomy"] == TAXONOMY_ACCESSIBILITY:
            rows |= ~Q(accessibility="")
        else:
            return Q()  # a taxonomy this does not know: no narrowing, the exact check decides
    return rows


def organization_rows(org_id):
    """A filter on listing rows that may be provided by organization `org_id`: the ones whose
    organization has that stored id, and those whose organization's id is derived (a listing
    naming none is its own; bulk-written organizations may have no stored id)."""
    try:
        stored = uuid.UUID(org_id)
    except ValueError:
        stored = None
    derived = Q(organization__isnull=True) | Q(organization__hsds_id__isnull=True)
    return derived | Q(organization__hsds_id=stored) if stored else derived


def narrowed(chosen, params, language):
    """`chosen` without the listings the id filters surely exclude, by the database, so a
    large directory builds only the services that may match (`record_filter` decides)."""
    rows = Q()
    if params.get("taxonomy_term_id"):
        every = hsds.taxonomy_terms(language)
        rows &= term_rows([t for t in every if t["id"] == params["taxonomy_term_id"]])
    if params.get("taxonomy_id"):
        rows &= term_rows(hsds.taxonomy_terms(language, taxonomy_id=params["taxonomy_id"]))
    if params.get("organization_id"):
        rows &= organization_rows(params["organization_id"])
    # By id in a subquery: a join on needs would repeat a listing with several of them.
    return chosen.filter(pk__in=ListingPage.objects.filter(rows).values("pk"))


def matching(chosen, params, request):
    """[(listing, its full HSDS service)] of `chosen` that pass the id filters, in order,
    built chunk by chunk."""
    language = params["locale"].language_code
    keep = record_filter(params, language)
    pairs = []
    for chunk in chunks(narrowed(chosen, params, language)):
        built = hsds.services(chunk, request, language)
        pairs.extend(
            (listing, service)
            for listing, service in zip(chunk, built, strict=True)
            if keep(service)
        )
    return pairs


def within(place, meters):
    """A test on a built service_at_location: its location is within `meters` of `place`."""
    miles = meters / METERS_PER_MILE

    def keep(entry):
        location = entry.get("location") or {}
        latitude, longitude = location.get("latitude"), location.get("longitude")
        if latitude is None or longitude is None:
            return False
        return (
            near.miles_between(place.latitude, place.longitude, float(latitude), float(longitude))
            <= miles
        )

    return keep
