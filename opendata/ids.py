"""Identifiers for the export.

HSDS wants UUIDs that a consumer can sync by, across exports, installs and an export/import
round trip. A service's and an organization's id is stored with the record (`hsds_id`, one per
translation set, see directory/models/identity.py); rows written without it (bulk SQL) fall
back to the id derived from their `translation_key`, which is what migration 0008 stored.

Everything nested in a service (phones, schedules, locations, attributes...) has no record of
its own to store an id on: its id is derived with uuid5 from the service's id plus what is
stable about it (a number, a weekday and time, a slug or code), never from a random key, so
the same content gives the same ids after a reinstall or a round trip.
"""

import uuid

# Our own namespace, itself a uuid5 of the project's name, so ids never collide with others'.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:mutual-aid-king-county:hsds")


def stable_id(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def stored_or_derived(record, kind):
    return str(record.hsds_id) if record.hsds_id else stable_id(kind, record.translation_key)


def service_id(listing):
    return stored_or_derived(listing, "service")


def organization_id(organization):
    return stored_or_derived(organization, "organization")


def own_organization_id(sid):
    """The organization of a listing that names none: the listing itself (a group is its own
    organization), with an id derived from the service's."""
    return stable_id("organization", "listing", sid)


def demo_id(kind, slug):
    """The id of demo content, from its English slug: the same on every install."""
    return uuid.UUID(stable_id("demo", kind, slug))


def taxonomy_id(taxonomy):
    return stable_id("taxonomy", taxonomy)


def term_id(taxonomy, code):
    """A taxonomy term's id from its taxonomy and stable code (a need's slug, a choice's value)."""
    return stable_id("taxonomy_term", taxonomy, code)
