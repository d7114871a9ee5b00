"""The directory as Open Referral HSDS 3.0 services.

One listing (in every language) is one HSDS service. Needs and the listing's kind become
taxonomy-term attributes; areas become service areas; structured opening hours become weekly
schedules in RFC 5545 terms (freq WEEKLY, byday). Empty values are left out rather than sent
as empty strings, as HSDS consumers expect.

What using a service takes: who can use it (`eligibility_description`), what it costs
(`fees_description`, and a `cost_option` per known cost: amount 0 when free), what to bring
(`required_documents`) and accessibility. HSDS has no way to say "no documents needed" but its
words, so that is a `required_document` saying so, as a reader of any HSDS app needs to see it;
and HSDS 3.0 puts accessibility only on locations, so a service's is an attribute. Cost, the
documents rule and accessibility are also attributes in our own taxonomies, like the kind, so
a consumer can filter on them as the portal's readers do without reading the text.

The other HSDS records live beside: organizations and locations in hsds_records.py (every
service has an organization: a listing naming none is its own), taxonomies and terms in
hsds_taxonomy.py, schedules in hsds_schedules.py, ids in ids.py, links in links.py. This module
is the one the API, the exports and the importer read them through.
"""

from django.utils import translation
from django.utils.translation import gettext

import phonenumbers

from directory.models.contacts import json_list
from directory.models.listings import Cost, Documents
from search.text import plain_text

from .hsds_records import (
    compact,
    listing_organization_id,
    listing_service_at_locations,
    organization_of,
    organizations,
    service_at_locations,
)
from .hsds_schedules import schedules, utc_offset
from .hsds_taxonomy import taxonomies, taxonomy_terms, term
from .ids import service_id, stable_id
from .links import page_url
from .queries import Holidays

__all__ = [
    "organizations",
    "service_at_locations",
    "services",
    "taxonomies",
    "taxonomy_terms",
]

CURRENCY = "USD"  # ISO 4217: every cost the portal lists is in King County


def services(listings, request=None, language=None, holidays=None):
    """HSDS service dicts for `listings` (one chunk), as fetched by `queries.listings_in`,
    which brings the names of terms in the export's language, in `language` (default: the
    active one). Pass one `Holidays` for every chunk of an export to read them once."""
    holidays = Holidays() if holidays is None else holidays
    offset = utc_offset()  # one for the whole chunk, even across a change of clocks
    with translation.override(language or translation.get_language()):
        return [service(listing, holidays, request, offset) for listing in listings]


def service(listing, holidays, request=None, offset=None):
    sid = service_id(listing)
    return compact(
        {
            "id": sid,
            "organization_id": listing_organization_id(listing, sid),
            "name": listing.title,
            "description": " ".join(
                part for part in [listing.summary, plain_text(listing.description)] if part
            ),
            "url": listing.website or page_url(listing, request),
            "email": listing.email,
            "status": "active",
            "eligibility_description": listing.audience,
            "fees_description": fees_description(listing),
            "application_process": application_process(listing),
            "assured_date": listing.last_verified_on.isoformat()
            if listing.last_verified_on
            else "",
            "last_modified": modified_at(listing),
            "organization": organization_of(listing, sid, request),
            "phones": phones(listing, sid),
            "languages": languages(listing, sid),
            "service_areas": service_areas(listing, sid),
            "service_at_locations": listing_service_at_locations(listing, sid, request),
            "schedules": schedules(listing, sid, holidays, offset),
            "cost_options": cost_options(listing, sid),
            "required_documents": required_documents(listing, sid),
            "attributes": attributes(listing, sid, request),
        }
    )


def modified_at(listing):
    moment = listing.last_published_at or listing.latest_revision_created_at
    return moment.isoformat() if moment else ""


def application_process(listing):
    for name in ("how_to_join", "how_to_take_part", "call_about"):
        text = getattr(listing, name, "")
        if text:
            return text
    return ""


def fees_description(listing):
    """ "Sliding scale: Pay what you can, from $5": the cost in the export's language, then
    the editors' details."""
    cost = str(Cost(listing.cost).label) if listing.cost else ""
    return ": ".join(part for part in (cost, listing.cost_details) if part)


def cost_options(listing, sid):
    """One option when the cost is known; a free service costs 0 (HSDS's `amount`)."""
    if not listing.cost:
        return []
    free = listing.cost == Cost.FREE
    return [
        compact(
            {
                "id": stable_id("cost_option", sid, listing.cost),
                "service_id": sid,
                "option": str(Cost(listing.cost).label),
                "amount": 0 if free else None,
                "currency": CURRENCY if free else "",
                "amount_description": listing.cost_details,
            }
        )
    ]


def required_documents(listing, sid):
    """What to bring, when known. "None needed" is said in `document` too (see above)."""
    if not (listing.documents or listing.documents_details):
        return []
    rule = str(Documents(listing.documents).label) if listing.documents else ""
    if listing.documents == Documents.REQUIRED and listing.documents_details:
        rule = ""  # the details name the documents; "Documents required" adds nothing
    document = ". ".join(part for part in (rule, listing.documents_details) if part)
    return [
        {
            "id": stable_id("required_document", sid),
            "service_id": sid,
            "document": document,
        }
    ]


def language_entries(listing, owner):
    return [
        {
            "id": stable_id("language", owner, language.code),
            "name": language.local_name,
            "code": language.code,
        }
        for language in listing.export_languages
    ]


def languages(listing, sid):
    return [entry | {"service_id": sid} for entry in language_entries(listing, sid)]


def phones(listing, sid):
    """The listing's phones, from the JSON `queries.phones_in` brings with its row. A phone's
    id comes from its number and type (a second identical one gets its own by its rank)."""
    entries = []
    seen = {}
    for phone in sorted(json_list(listing.export_phones), key=lambda p: p["sort"] or 0):
        number = e164(phone["number"])
        key = (number, phone["type"])
        seen[key] = seen.get(key, 0) + 1
        phone_id = stable_id("phone", sid, number, phone["type"], seen[key])
        entries.append(
            compact(
                {
                    "id": phone_id,
                    "service_id": sid,
                    "number": number,
                    "type": phone["type"],
                    "description": phone["label"],
                    "languages": [
                        {
                            "id": stable_id("language", phone_id, language["code"]),
                            "phone_id": phone_id,
                            "name": language["name"],
                            "code": language["code"],
                        }
                        for language in sorted(json_list(phone["languages"]), key=by_code)
                    ],
                }
            )
        )
    return entries


def e164(number):
    """+12065550100: numbers are stored so; text kept from before validation is parsed (US by
    default) and, if it is no valid number, sent as written rather than guessed at."""
    try:
        parsed = phonenumbers.parse(str(number), "US")
    except phonenumbers.NumberParseException:
        return str(number)
    if not phonenumbers.is_valid_number(parsed):
        return str(number)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def by_code(language):
    return language["code"]


def service_areas(listing, sid):
    return [
        compact(
            {
                "id": stable_id("service_area", sid, area.slug),
                "service_id": sid,
                "name": area.local_name,
                "description": area.local_description,
            }
        )
        for area in listing.export_areas
    ]


def attributes(listing, sid, request=None):
    """The service's terms in our taxonomies (hsds_taxonomy.py): its needs, kind, cost,
    documents rule and accessibility (whose text is the value; the term only says what kind
    of attribute it is). A term's code is the value of the others."""
    chosen = [
        ("need", need.slug, need.local_name, need.local_description)
        for need in listing.export_needs
    ]
    if listing.kind:
        chosen.append(("kind", listing.kind, str(listing.kind_label), ""))
    if listing.cost:
        chosen.append(("cost", listing.cost, str(Cost(listing.cost).label), ""))
    if listing.documents:
        chosen.append(("documents", listing.documents, str(Documents(listing.documents).label), ""))
    if listing.accessibility:
        chosen.append(("accessibility", "accessibility", gettext("Accessibility"), ""))
    entries = []
    for link_type, code, name, description in chosen:
        taxonomy_term = term(link_type, code, name, description, request)
        value = listing.accessibility if link_type == "accessibility" else code
        entries.append(
            {
                "id": stable_id("attribute", sid, taxonomy_term["id"]),
                "link_id": sid,
                "link_type": link_type,
                "link_entity": "service",
                "taxonomy_term_id": taxonomy_term["id"],
                "value": value,
                "taxonomy_term": taxonomy_term,
            }
        )
    return entries
