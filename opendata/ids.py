"""Stable identifiers for the export.

HSDS wants UUIDs. We derive them with uuid5 from what never changes about an object: its
`translation_key` (shared by every translation of a page or snippet), plus the role it plays.
So a service keeps its id from one export to the next and is the same in every language,
and a consumer can sync by id.
"""

import uuid

# Our own namespace, itself a uuid5 of the project's name, so ids never collide with others'.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:mutual-aid-king-county:hsds")


def stable_id(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def service_id(listing):
    return stable_id("service", listing.translation_key)
