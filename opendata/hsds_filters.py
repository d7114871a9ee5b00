"""The HSDS API's id filters as database filters on listings, so a client filtering 10,000
services by a term or an organization is answered without building every service.

A term id stands for one code of one of our taxonomies (hsds_taxonomy.py), so it becomes a
filter on the field that code is stored in; a taxonomy id, on that field being set. An
organization id is an organization's stored id (or the id derived for rows without one), or
the id of a listing that is its own organization (derived from its service id, so those are
looked up among the listings that name no organization: one query).
"""

import uuid

from django.db.models import Q

from directory.models import ListingPage, Organization

from .hsds_taxonomy import TAXONOMIES, taxonomy_terms
from .ids import organization_id, own_organization_id, service_id, taxonomy_id

# link_type -> (a term's filter from its code, the filter "has a term of this taxonomy")
FIELD_FILTERS = {
    "need": (lambda code: Q(needs__slug=code), Q(needs__isnull=False)),
    "kind": (lambda code: Q(kind=code), ~Q(kind="")),
    "cost": (lambda code: Q(cost=code), ~Q(cost="")),
    "documents": (lambda code: Q(documents=code), ~Q(documents="")),
    "accessibility": (lambda code: ~Q(accessibility=""), ~Q(accessibility="")),
}
LINK_TYPES = {TAXONOMIES[link_type][0]: link_type for link_type in TAXONOMIES}


def by_term(listings, term_id):
    """Listings with the term `term_id` (none for an id no term has)."""
    for term in taxonomy_terms():
        if term["id"] == term_id:
            link_type = LINK_TYPES[term["taxonomy"]]
            return narrowed(listings, FIELD_FILTERS[link_type][0](term["code"]))
    return listings.none()


def by_taxonomy(listings, wanted):
    """Listings with some term of the taxonomy whose id is `wanted`."""
    for slug, link_type in LINK_TYPES.items():
        if taxonomy_id(slug) == wanted:
            return narrowed(listings, FIELD_FILTERS[link_type][1])
    return listings.none()


def by_organization(listings, org_id):
    """Listings provided by the organization `org_id`: an Organization's, or a listing's own."""
    try:
        as_uuid = uuid.UUID(str(org_id))
    except ValueError:
        return listings.none()
    keys = [
        org.translation_key
        for org in Organization.objects.filter(Q(hsds_id=as_uuid) | Q(hsds_id=None)).only(
            "hsds_id", "translation_key"
        )
        if organization_id(org) == str(as_uuid)
    ]
    own = [
        listing.translation_key
        for listing in ListingPage.objects.filter(organization=None).only(
            "hsds_id", "translation_key"
        )
        if own_organization_id(service_id(listing)) == str(as_uuid)
    ]
    return listings.filter(Q(organization__translation_key__in=keys) | Q(translation_key__in=own))


def narrowed(listings, condition):
    """`listings` (from `queries.listings_in`) kept where `condition` holds, without joins in
    the outer query (which would repeat rows)."""
    return listings.filter(pk__in=ListingPage.objects.filter(condition).values("pk"))
