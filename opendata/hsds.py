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
"""

import uuid

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from directory.models.contacts import json_list
from directory.models.listings import Cost, Documents
from search.text import plain_text

from .ids import service_id, stable_id
from .queries import Holidays

TAXONOMY_NEEDS = "mutual-aid-king-county-needs"
TAXONOMY_KINDS = "mutual-aid-king-county-listing-kinds"
TAXONOMY_COSTS = "mutual-aid-king-county-costs"
TAXONOMY_DOCUMENTS = "mutual-aid-king-county-documents"
TAXONOMY_ACCESSIBILITY = "mutual-aid-king-county-accessibility"
CURRENCY = "USD"  # ISO 4217: every cost the portal lists is in King County
RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def compact(data):
    """Drop keys whose value is empty: HSDS types are strict (no nulls), blanks add noise."""
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def services(listings, request=None, language=None, holidays=None):
    """HSDS service dicts for `listings` (one chunk), as fetched by `queries.listings_in`,
    which brings the names of terms in the export's language, in `language` (default: the
    active one). Pass one `Holidays` for every chunk of an export to read them once."""
    holidays = Holidays() if holidays is None else holidays
    with translation.override(language or translation.get_language()):
        return [service(listing, holidays, request) for listing in listings]


def service(listing, holidays, request=None):
    sid = service_id(listing)
    page_url = listing.get_full_url(request)
    return compact(
        {
            "id": sid,
            "organization_id": organization_id(listing.organization),
            "name": listing.title,
            "description": " ".join(
                part for part in [listing.summary, plain_text(listing.description)] if part
            ),
            "url": listing.website or page_url,
            "email": listing.email,
            "status": "active",
            "eligibility_description": listing.audience,
            "fees_description": fees_description(listing),
            "application_process": application_process(listing),
            "assured_date": listing.last_verified_on.isoformat()
            if listing.last_verified_on
            else "",
            "last_modified": modified_at(listing),
            "organization": organization(listing),
            "phones": phones(listing, sid),
            "languages": languages(listing, sid),
            "service_areas": service_areas(listing, sid),
            "schedules": schedules(listing, sid, holidays),
            "cost_options": cost_options(listing, sid),
            "required_documents": required_documents(listing, sid),
            "attributes": attributes(listing, sid),
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


def organization_id(org):
    return stable_id("organization", org.translation_key) if org else ""


def organization(listing):
    org = listing.organization
    if org is None:
        return None
    name = listing.organization_local_name
    data = compact({"id": organization_id(org), "name": name, "website": org.website})
    # Required by HSDS, even when empty.
    data["description"] = listing.organization_local_description or ""
    return data


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
    """The listing's phones, from the JSON `queries.phones_in` brings with its row."""
    entries = []
    for phone in sorted(json_list(listing.export_phones), key=lambda p: p["sort"] or 0):
        phone_id = stable_id("phone", sid, uuid.UUID(str(phone["key"])))
        entries.append(
            compact(
                {
                    "id": phone_id,
                    "service_id": sid,
                    "number": phone["number"],
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


def by_code(language):
    return language["code"]


def service_areas(listing, sid):
    return [
        compact(
            {
                "id": stable_id("service_area", sid, area.translation_key),
                "service_id": sid,
                "name": area.local_name,
                "description": area.local_description,
            }
        )
        for area in listing.export_areas
    ]


def schedule_notes(listing, holidays):
    notes = []
    if listing.by_appointment:
        notes.append("By appointment.")
    if listing.call_first:
        notes.append("Call first.")
    if listing.closed_on_holidays and holidays:
        dates = ", ".join(holiday.date.isoformat() for holiday in holidays)
        notes.append(f"Closed on holidays: {dates}.")
    return " ".join(notes)


def schedules(listing, sid, holidays):
    """One weekly schedule per opening range; times are local to settings.TIME_ZONE."""
    notes = schedule_notes(listing, holidays)
    entries = [
        compact(
            {
                "id": stable_id("schedule", sid, hours.weekday, f"{hours.opens:%H:%M}"),
                "service_id": sid,
                "freq": "WEEKLY",
                "wkst": "MO",
                "interval": 1,
                "byday": RRULE_DAYS[hours.weekday],
                "opens_at": f"{hours.opens:%H:%M}",
                "closes_at": f"{hours.closes:%H:%M}",
                "description": f"{RRULE_DAYS[hours.weekday]} {hours.opens:%H:%M}-"
                f"{hours.closes:%H:%M} ({settings.TIME_ZONE})",
                "notes": notes,
            }
        )
        for hours in sorted(listing.export_hours, key=lambda h: (h.weekday, h.opens))
    ]
    if not entries and (listing.by_appointment or listing.call_first):
        # No fixed hours, but how to get in is still worth exporting.
        entries.append(
            {"id": stable_id("schedule", sid, "notes"), "service_id": sid, "notes": notes}
        )
    return entries


def taxonomy_term(term_id, name, description, code, taxonomy):
    return {
        "id": term_id,
        "name": name,
        "description": description or "",
        "code": code,
        "taxonomy": taxonomy,
        "language": translation.get_language(),
    }


def attributes(listing, sid):
    entries = []
    for need in listing.export_needs:
        term_id = stable_id("taxonomy_term", "need", need.translation_key)
        entries.append(
            {
                "id": stable_id("attribute", sid, term_id),
                "link_id": sid,
                "link_type": "need",
                "link_entity": "service",
                "taxonomy_term_id": term_id,
                "value": need.slug,
                "taxonomy_term": taxonomy_term(
                    term_id, need.local_name, need.local_description, need.slug, TAXONOMY_NEEDS
                ),
            }
        )
    if listing.kind:
        entries.append(
            choice_attribute(sid, "kind", listing.kind, str(listing.kind_label), TAXONOMY_KINDS)
        )
    if listing.cost:
        label = str(Cost(listing.cost).label)
        entries.append(choice_attribute(sid, "cost", listing.cost, label, TAXONOMY_COSTS))
    if listing.documents:
        label = str(Documents(listing.documents).label)
        entries.append(
            choice_attribute(sid, "documents", listing.documents, label, TAXONOMY_DOCUMENTS)
        )
    if listing.accessibility:
        # The text is the value; the term only says what kind of attribute it is.
        entries.append(
            choice_attribute(
                sid,
                "accessibility",
                "accessibility",
                gettext("Accessibility"),
                TAXONOMY_ACCESSIBILITY,
                value=listing.accessibility,
            )
        )
    return entries


def choice_attribute(sid, link_type, code, name, taxonomy, value=None):
    """An attribute of the service from one of our own taxonomies (a field's choices)."""
    term_id = stable_id("taxonomy_term", link_type, code)
    return {
        "id": stable_id("attribute", sid, term_id),
        "link_id": sid,
        "link_type": link_type,
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "value": code if value is None else value,
        "taxonomy_term": taxonomy_term(term_id, name, "", code, taxonomy),
    }
